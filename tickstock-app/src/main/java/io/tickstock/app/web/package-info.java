/** HTTP at the app's edge: login, the dashboard pages and assets, and the REST history API. */
package io.tickstock.app.web;
