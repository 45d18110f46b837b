/** Running a SQL script: its statements in order on one SQL environment, the queries' rows sent where the caller says. */
package io.runnel.sql.script;
