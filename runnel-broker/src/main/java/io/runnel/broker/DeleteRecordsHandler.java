package io.runnel.broker;

import io.runnel.log.OffsetOutOfRangeException;
import io.runnel.log.PartitionLog;
import io.runnel.log.Topic;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.DeleteRecordsRequestData;
import org.apache.kafka.common.message.DeleteRecordsResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.DeleteRecordsRequest;
import org.apache.kafka.common.requests.DeleteRecordsResponse;
import org.apache.kafka.common.requests.RequestContext;

/** DeleteRecords: moves each partition's log start offset up (offset -1 means the high watermark). */
final class DeleteRecordsHandler implements ApiHandler {
    private final Topics topics;

    DeleteRecordsHandler(Topics topics) {
        this.topics = topics;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        DeleteRecordsRequestData req = ((DeleteRecordsRequest) request).data();
        DeleteRecordsResponseData resp = new DeleteRecordsResponseData();
        for (DeleteRecordsRequestData.DeleteRecordsTopic t : req.topics()) {
            Topic topic = topics.find(t.name());
            DeleteRecordsResponseData.DeleteRecordsTopicResult tr =
                    new DeleteRecordsResponseData.DeleteRecordsTopicResult().setName(t.name());
            for (DeleteRecordsRequestData.DeleteRecordsPartition p : t.partitions()) {
                DeleteRecordsResponseData.DeleteRecordsPartitionResult pr =
                        new DeleteRecordsResponseData.DeleteRecordsPartitionResult().setPartitionIndex(p.partitionIndex())
                                .setLowWatermark(-1);
                PartitionLog log = topic == null ? null : topic.partition(p.partitionIndex());
                if (log == null) {
                    pr.setErrorCode(Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
                } else if (Topics.isInternal(t.name())) {
                    pr.setErrorCode(Errors.INVALID_TOPIC_EXCEPTION.code());
                } else {
                    try {
                        long offset = p.offset() == -1 ? log.logEndOffset() : p.offset();
                        pr.setLowWatermark(log.deleteRecordsBefore(offset));
                    } catch (OffsetOutOfRangeException e) {
                        pr.setErrorCode(Errors.OFFSET_OUT_OF_RANGE.code());
                    }
                }
                tr.partitions().add(pr);
            }
            resp.topics().add(tr);
        }
        return CompletableFuture.completedFuture(new DeleteRecordsResponse(resp));
    }
}
