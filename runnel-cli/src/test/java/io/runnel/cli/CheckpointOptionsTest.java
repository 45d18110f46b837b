package io.runnel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.StreamEnvironment;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CheckpointOptionsTest {
    private static CheckpointOptions parse(String... args) {
        RunCommand.Nexmark cmd = new RunCommand.Nexmark();
        new CommandLine(cmd).parseArgs(args);
        return cmd.checkpoints;
    }

    @Test
    void allowNonRestoredStateReachesTheJob() {
        StreamEnvironment env = StreamEnvironment.create();
        parse("--query", "q5", "--events", "10", "--output", "out", "--checkpoint-dir", "ck", "--restore", "latest",
                "--allow-non-restored-state").apply(env);
        assertThat(env.getCheckpointConfig().allowNonRestoredState()).isTrue();

        StreamEnvironment plain = StreamEnvironment.create();
        parse("--query", "q5", "--events", "10", "--output", "out", "--checkpoint-dir", "ck", "--restore", "latest").apply(plain);
        assertThat(plain.getCheckpointConfig().allowNonRestoredState()).isFalse();
    }

    @Test
    void allowNonRestoredStateNeedsARestore() {
        CheckpointOptions o = parse("--query", "q5", "--events", "10", "--output", "out", "--allow-non-restored-state");
        assertThatThrownBy(() -> o.apply(StreamEnvironment.create())).hasMessageContaining("--allow-non-restored-state needs --restore");
    }
}
