/** HTTP at the app's edge: login, the dashboard pages and assets, and the REST history API. */
@NullMarked
package io.tickstock.app.web;

import org.jspecify.annotations.NullMarked;
