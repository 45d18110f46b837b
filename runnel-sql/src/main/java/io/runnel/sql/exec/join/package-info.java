/** Join operators of SQL plans: regular (unbounded) equi-joins over insert-only and updating inputs. */
package io.runnel.sql.exec.join;
