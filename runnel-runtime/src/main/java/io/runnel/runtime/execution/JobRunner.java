package io.runnel.runtime.execution;

import io.runnel.api.JobClient;
import io.runnel.api.JobResult;
import io.runnel.api.StreamJob;
import io.runnel.runtime.operators.ProcessingClock;
import io.runnel.runtime.plan.JobPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

/** Plans, builds and starts a job in this JVM; assembles its result when it ends. */
public final class JobRunner {
    private JobRunner() {}

    public static JobClient start(StreamJob job) {
        long startMillis = System.currentTimeMillis();
        JobPlan plan = JobPlan.of(job);
        AtomicLong firstRecord = new AtomicLong();
        TaskBuilder builder = new TaskBuilder(plan, ProcessingClock.SYSTEM, firstRecord);
        List<Tasklet> tasks;
        try {
            tasks = builder.build();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not set up job '" + job.name() + "': " + e, e);
        }
        ExecutionService service = new ExecutionService(job.name(), tasks, job.workerThreads());
        CompletableFuture<JobResult> result = new CompletableFuture<>();
        service.start().whenComplete((v, e) -> {
            if (e != null) {
                result.completeExceptionally(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
                return;
            }
            long end = System.nanoTime();
            Map<String, Long> out = new LinkedHashMap<>();
            for (SourceTask<?> t : builder.sourceTasks) out.merge(builder.sourceNames.get(t), t.recordsOut(), Long::sum);
            Map<String, Long> in = new LinkedHashMap<>();
            for (Tasklet t : tasks) {
                List<String> sinks = builder.sinkNames.get(t);
                if (sinks.isEmpty()) continue;
                long n = t instanceof StreamTask s ? s.sinkRecords() : ((SourceTask<?>) t).sinkRecords();
                in.merge(String.join(",", sinks), n, Long::sum);
            }
            result.complete(new JobResult(job.name(), System.currentTimeMillis() - startMillis, firstRecord.get(), end, out, in));
        });
        return new LocalJobClient(job.name(), service, result);
    }
}
