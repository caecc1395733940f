/** PostgreSQL at the app's edge: its own tables (users, received alerts) and read-only history queries. */
@NullMarked
package io.tickstock.app.store;

import org.jspecify.annotations.NullMarked;
