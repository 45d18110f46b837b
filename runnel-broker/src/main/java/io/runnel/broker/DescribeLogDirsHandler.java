package io.runnel.broker;

import io.runnel.log.PartitionLog;
import io.runnel.log.Topic;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.DescribeLogDirsRequestData;
import org.apache.kafka.common.message.DescribeLogDirsResponseData;
import org.apache.kafka.common.message.DescribeLogDirsResponseData.DescribeLogDirsPartition;
import org.apache.kafka.common.message.DescribeLogDirsResponseData.DescribeLogDirsResult;
import org.apache.kafka.common.message.DescribeLogDirsResponseData.DescribeLogDirsTopic;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.DescribeLogDirsRequest;
import org.apache.kafka.common.requests.DescribeLogDirsResponse;
import org.apache.kafka.common.requests.RequestContext;

/**
 * DescribeLogDirs: the one data directory, each partition's size on disk and offset lag 0 (the
 * only replica is the leader). Null topics means every topic; unknown topics and partitions are
 * left out, as Kafka does. Total and usable bytes (v4+) come from the directory's file store.
 */
final class DescribeLogDirsHandler implements ApiHandler {
    private final Topics topics;

    DescribeLogDirsHandler(Topics topics) {
        this.topics = topics;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        DescribeLogDirsRequestData req = ((DescribeLogDirsRequest) request).data();
        DescribeLogDirsResult dir = new DescribeLogDirsResult().setErrorCode(Errors.NONE.code())
                .setLogDir(topics.logs().dataDir().toAbsolutePath().toString());
        if (req.topics() == null) {
            for (Topic t : topics.logs().topics()) {
                dir.topics().add(describe(t, null));
            }
        } else {
            for (DescribeLogDirsRequestData.DescribableLogDirTopic rt : req.topics()) {
                Topic t = topics.find(rt.topic());
                if (t != null) {
                    dir.topics().add(describe(t, rt.partitions()));
                }
            }
        }
        if (context.apiVersion() >= 4) {
            setSpace(dir);
        }
        DescribeLogDirsResponseData resp = new DescribeLogDirsResponseData().setResults(List.of(dir));
        return CompletableFuture.completedFuture(new DescribeLogDirsResponse(resp));
    }

    private static DescribeLogDirsTopic describe(Topic t, List<Integer> wanted) {
        List<DescribeLogDirsPartition> out = new ArrayList<>();
        for (PartitionLog log : t.partitions()) {
            if (wanted == null || wanted.contains(log.partition())) {
                out.add(new DescribeLogDirsPartition().setPartitionIndex(log.partition())
                        .setPartitionSize(log.sizeInBytes()).setOffsetLag(0).setIsFutureKey(false));
            }
        }
        return new DescribeLogDirsTopic().setName(t.name()).setPartitions(out);
    }

    private void setSpace(DescribeLogDirsResult dir) {
        try {
            FileStore store = Files.getFileStore(topics.logs().dataDir());
            dir.setTotalBytes(store.getTotalSpace()).setUsableBytes(store.getUsableSpace());
        } catch (IOException e) {
            dir.setTotalBytes(-1).setUsableBytes(-1); // unknown, as the protocol allows
        }
    }
}
