package io.runnel.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShellCommandTest {
    @Test
    void theShellsOwnCommandsAreRecognizedAndSqlIsNot() {
        assertThat(ShellCommand.of("quit").kind()).isEqualTo(ShellCommand.Kind.QUIT);
        assertThat(ShellCommand.of("Exit").kind()).isEqualTo(ShellCommand.Kind.QUIT);
        assertThat(ShellCommand.of("-- the jobs\nshow  jobs").kind()).isEqualTo(ShellCommand.Kind.SHOW_JOBS);
        assertThat(ShellCommand.of("STOP JOB 'bob''s job'")).isEqualTo(new ShellCommand(ShellCommand.Kind.STOP_JOB, "bob's job"));
        assertThat(ShellCommand.of("SHOW TABLES")).isNull();
        assertThat(ShellCommand.of("SELECT quit FROM t")).isNull();
    }

    @Test
    void aStatementSetIsHeldUntilItsEnd() {
        StatementSetBuffer set = new StatementSetBuffer();
        assertThat(set.begin("SELECT 1")).isFalse();
        assertThat(set.begin("begin statement set")).isTrue();
        assertThat(set.isOpen()).isTrue();
        assertThat(set.add("INSERT INTO a SELECT 1")).isNull();
        assertThat(set.add("END")).isEqualTo("BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nEND;\n");
        assertThat(set.isOpen()).isFalse();
    }
}
