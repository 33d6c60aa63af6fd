/**
 * The PostgreSQL adapter: a driven adapter of the hexagon that implements
 * {@link org.dicommeta.ports.MetadataStore} over JDBC for {@code jdbc:postgresql:} URIs (through a HikariCP
 * pool it owns) or over a caller's {@link javax.sql.DataSource} (which it never closes). It keeps the
 * schema by versioned migrations under a PostgreSQL advisory lock, batches writes into one transaction per
 * batch, keeps per-format counts in the same transactions as the rows they count, and translates
 * {@link java.sql.SQLException} into the domain's exception tree at the port. Public: only
 * {@link org.dicommeta.adapter.jdbc.JdbcStoreProvider} and {@link org.dicommeta.adapter.jdbc.JdbcStoreSettings}.
 */
package org.dicommeta.adapter.jdbc;
