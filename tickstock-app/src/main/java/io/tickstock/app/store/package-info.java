/** PostgreSQL at the app's edge: its own tables (users, received alerts) and read-only history queries. */
package io.tickstock.app.store;
