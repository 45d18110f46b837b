/** The rows SQL streams carry: a change kind and fields in Calcite's internal representation. */
package io.runnel.sql.data;
