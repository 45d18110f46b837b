package io.runnel.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.JobStatus;
import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real INSERT jobs: listed with their state, one stopped by name, the rest cancelled when the shell leaves. */
@Timeout(60)
class BackgroundJobsTest {
    private final SqlEnvironment sql = SqlEnvironment.create(StreamEnvironment.create());
    private final BackgroundJobs jobs = new BackgroundJobs();

    BackgroundJobsTest() {
        sql.executeSql("CREATE TABLE gen (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '100')");
        sql.executeSql("CREATE TABLE few (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '10')");
        sql.executeSql("CREATE TABLE out_t (id BIGINT) WITH ('connector' = 'blackhole')");
    }

    private String insert(String from) {
        SqlEnvironment job = sql.newJob(StreamEnvironment.create());
        job.executeSql("INSERT INTO out_t SELECT id FROM " + from);
        return jobs.start("insert-into-out_t", job.streamEnvironment()::executeAsync);
    }

    @Test
    void jobsAreListedStoppedByNameAndCancelledAtTheEnd() throws Exception {
        assertThat(jobs.lines()).containsExactly("no jobs");
        String endless = insert("gen");
        String bounded = insert("few");
        String third = insert("gen");
        assertThat(endless).isEqualTo("insert-into-out_t");
        assertThat(bounded).isEqualTo("insert-into-out_t-2");
        assertThat(third).isEqualTo("insert-into-out_t-3");
        waitFor(bounded, JobStatus.FINISHED);
        assertThat(jobs.lines()).contains("insert-into-out_t-2  FINISHED");

        assertThat(jobs.stop(endless)).isEqualTo("stopped job 'insert-into-out_t'");
        waitFor(endless, JobStatus.CANCELED);
        assertThat(jobs.stop(bounded)).contains("had ended already (FINISHED)");
        assertThatThrownBy(() -> jobs.stop("nope")).hasMessageContaining("no such job").hasMessageContaining("insert-into-out_t-3");

        assertThat(jobs.cancelAll()).as("only the third still ran").isEqualTo(1);
        waitFor(third, JobStatus.CANCELED);
    }

    private void waitFor(String name, JobStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!jobs.lines().contains(String.format("%-19s  %s", name, status)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(jobs.lines()).contains(String.format("%-19s  %s", name, status));
    }
}
