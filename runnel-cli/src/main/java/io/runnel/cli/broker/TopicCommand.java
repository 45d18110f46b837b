package io.runnel.cli.broker;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code runnel topic create|list|describe|delete}: topic administration with the Kafka Admin client. */
@Command(name = "topic", mixinStandardHelpOptions = true, description = "Create, list, describe or delete topics.",
        subcommands = {TopicCommand.Create.class, TopicCommand.ListTopics.class, TopicCommand.Describe.class,
                TopicCommand.Delete.class})
public final class TopicCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs an admin action, turning a failed future into a one-line error. */
    abstract static class AdminAction implements Callable<Integer> {
        @Mixin
        ClientOptions client;
        @Spec
        CommandSpec spec;

        abstract void run(Admin admin, PrintWriter out) throws Exception;

        @Override
        public Integer call() {
            try (Admin admin = Admin.create(client.properties())) {
                run(admin, spec.commandLine().getOut());
                spec.commandLine().getOut().flush();
                return 0;
            } catch (ExecutionException e) {
                spec.commandLine().getErr().println("runnel topic: " + e.getCause().getMessage());
                return 1;
            } catch (Exception e) {
                spec.commandLine().getErr().println("runnel topic: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a topic.")
    static final class Create extends AdminAction {
        @Parameters(index = "0", description = "Topic name.")
        String name;
        @Option(names = {"-p", "--partitions"}, defaultValue = "1", description = "Partitions. Default: ${DEFAULT-VALUE}")
        int partitions;
        @Option(names = {"-c", "--config"}, description = "Topic config name=value, e.g. retention.ms=60000")
        Map<String, String> configs = Map.of();

        @Override
        void run(Admin admin, PrintWriter out) throws Exception {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs))).all().get();
            out.println("Created topic " + name + " with " + partitions + " partition(s)");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List topic names.")
    static final class ListTopics extends AdminAction {
        @Override
        void run(Admin admin, PrintWriter out) throws Exception {
            new TreeSet<>(admin.listTopics().names().get()).forEach(out::println);
        }
    }

    @Command(name = "describe", mixinStandardHelpOptions = true, description = "Show partitions and end offsets.")
    static final class Describe extends AdminAction {
        @Parameters(index = "0", description = "Topic name.")
        String name;

        @Override
        void run(Admin admin, PrintWriter out) throws Exception {
            TopicDescription d = admin.describeTopics(List.of(name)).allTopicNames().get().get(name);
            out.println("Topic " + d.name() + "  id " + d.topicId() + "  partitions " + d.partitions().size());
            var specs = new java.util.HashMap<org.apache.kafka.common.TopicPartition,
                    org.apache.kafka.clients.admin.OffsetSpec>();
            d.partitions().forEach(p -> specs.put(new org.apache.kafka.common.TopicPartition(name, p.partition()),
                    org.apache.kafka.clients.admin.OffsetSpec.latest()));
            var ends = admin.listOffsets(specs).all().get();
            d.partitions().forEach(p -> out.println("  partition " + p.partition() + "  leader " + p.leader().id()
                    + "  end offset " + ends.get(new org.apache.kafka.common.TopicPartition(name, p.partition())).offset()));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a topic and its data.")
    static final class Delete extends AdminAction {
        @Parameters(index = "0", description = "Topic name.")
        String name;

        @Override
        void run(Admin admin, PrintWriter out) throws Exception {
            admin.deleteTopics(List.of(name)).all().get();
            out.println("Deleted topic " + name);
        }
    }
}
