/** {@code 'connector' = 'socket'}: lines read from a TCP socket, decoded by a format (the classic {@code nc -lk} demo input). */
package io.runnel.sql.connect.socket;
