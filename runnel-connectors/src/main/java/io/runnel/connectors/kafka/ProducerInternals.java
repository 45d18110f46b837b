package io.runnel.connectors.kafka;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The few private parts of kafka-clients' transactional producer that resuming a transaction in
 * another producer object needs (the public API cannot: KIP-939's {@code prepareTransaction} /
 * {@code completeTransaction} are not public in kafka-clients 4.4, and Apache Kafka 4.4 refuses
 * {@code keepPreparedTxn}). Flink's Kafka connector does the same. Written against kafka-clients
 * 4.4.0; a client whose internals differ fails here with an error naming the missing member.
 */
final class ProducerInternals {
    private static final String TM_CLASS = "org.apache.kafka.clients.producer.internals.TransactionManager";
    private static final String PID_CLASS = "org.apache.kafka.common.utils.internals.ProducerIdAndEpoch";

    private ProducerInternals() {
    }

    /** The producer id, epoch and protocol version of the producer's current transaction. */
    static KafkaCommittable capture(KafkaProducer<?, ?> producer, String transactionalId) {
        Object tm = get(producer, "transactionManager");
        Object pidAndEpoch = get(tm, "producerIdAndEpoch");
        long producerId = (long) get(pidAndEpoch, "producerId");
        short epoch = (short) get(pidAndEpoch, "epoch");
        boolean v2 = (boolean) get(tm, "isTransactionV2Enabled");
        return new KafkaCommittable(transactionalId, producerId, epoch, v2, false);
    }

    /**
     * Puts a fresh, never initialized producer into the state it would be in had it opened the
     * committable's transaction itself: then commitTransaction/abortTransaction send EndTxn with
     * that producer id and epoch.
     */
    static void resume(KafkaProducer<?, ?> producer, KafkaCommittable c) {
        Object tm = get(producer, "transactionManager");
        synchronized (tm) {
            transition(tm, "INITIALIZING");
            try {
                Object pid = Class.forName(PID_CLASS).getConstructor(long.class, short.class)
                        .newInstance(c.producerId(), c.epoch());
                set(tm, "producerIdAndEpoch", pid);
            } catch (ReflectiveOperationException e) {
                throw unsupported(PID_CLASS + "(long, short)", e);
            }
            set(tm, "isTransactionV2Enabled", c.transactionV2());
            transition(tm, "READY");
            transition(tm, "IN_TRANSACTION");
            set(tm, "transactionStarted", true);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void transition(Object tm, String state) {
        try {
            Class<?> stateClass = Class.forName(TM_CLASS + "$State");
            Method m = tm.getClass().getDeclaredMethod("transitionTo", stateClass);
            m.setAccessible(true);
            m.invoke(tm, Enum.valueOf((Class) stateClass, state));
        } catch (ReflectiveOperationException e) {
            throw unsupported(TM_CLASS + ".transitionTo(" + state + ")", e);
        }
    }

    private static Object get(Object target, String name) {
        try {
            return field(target, name).get(target);
        } catch (ReflectiveOperationException e) {
            throw unsupported(target.getClass().getName() + "." + name, e);
        }
    }

    private static void set(Object target, String name, Object value) {
        try {
            field(target, name).set(target, value);
        } catch (ReflectiveOperationException e) {
            throw unsupported(target.getClass().getName() + "." + name, e);
        }
    }

    private static Field field(Object target, String name) throws NoSuchFieldException {
        Field f = target.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    private static IllegalStateException unsupported(String member, Exception cause) {
        return new IllegalStateException("Kafka sink (exactly-once): this kafka-clients version lacks " + member
                + ", needed to commit a transaction from another producer (written for kafka-clients 4.4.0)", cause);
    }
}
