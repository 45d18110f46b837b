package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.InitProducerIdRequestData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ApiVersionsResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every API the broker advertises, at every version it advertises, answered in that version's
 * shape: a minimal valid request ({@link MinimalRequests}) written by kafka-clients at exactly that
 * version, the response decoded by kafka-clients at that version, the connection still open after
 * it, and only the error codes a correct broker gives. Runs against an external broker with
 * {@code -Drunnel.test.bootstrap=host:port} (the APIs Runnel serves, at the versions that broker
 * advertises).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolConformanceTest {
    @TempDir
    static Path dir;
    RunnelBroker broker;
    ConformanceFixture fixture;
    Map<ApiKeys, ApiVersionsResponseData.ApiVersion> advertised = new EnumMap<>(ApiKeys.class);

    @BeforeAll
    void start() throws Exception {
        String bootstrap = TestBootstrap.external().orElse(null);
        if (bootstrap == null) {
            broker = Clients.broker(dir);
            bootstrap = broker.bootstrapServers();
        }
        fixture = new ConformanceFixture(bootstrap);
        fixture.setUp(bootstrap);
        ApiVersionsResponse versions = (ApiVersionsResponse) fixture.helper.send(ApiKeys.API_VERSIONS,
                ApiKeys.API_VERSIONS.latestVersion(false), new ApiVersionsRequestData()
                        .setClientSoftwareName("runnel-conformance").setClientSoftwareVersion("1.0"));
        versions.data().apiKeys().forEach(v -> {
            if (ApiKeys.hasId(v.apiKey())) {
                advertised.put(ApiKeys.forId(v.apiKey()), v);
            }
        });
    }

    @AfterAll
    void stop() throws IOException {
        fixture.close();
        if (broker != null) {
            broker.close();
        }
    }

    @TestFactory
    List<DynamicTest> everyAdvertisedApiAtEveryAdvertisedVersion() {
        List<DynamicTest> tests = new ArrayList<>();
        advertised.forEach((key, range) -> {
            if (broker == null && !RunnelBroker.supportedApis().contains(key)) {
                return; // calibrating against another broker: only what Runnel serves
            }
            MinimalRequests.Case errorPath = ErrorPathRequests.cases().get(key);
            for (short v = range.minVersion(); v <= range.maxVersion(); v++) {
                short version = v;
                tests.add(DynamicTest.dynamicTest(key + " v" + v, () -> answersInShape(key, version)));
                if (errorPath != null && v >= key.oldestVersion()) {
                    tests.add(DynamicTest.dynamicTest(key + " v" + v + " error path",
                            () -> answersErrorInShape(key, version, errorPath)));
                }
            }
        });
        assertThat(tests).hasSizeGreaterThan(advertised.size());
        return tests;
    }

    private void answersInShape(ApiKeys key, short version) throws Exception {
        if (version < key.oldestVersion()) {
            closesOnlyThatConnection(key, version);
            return;
        }
        MinimalRequests.Case c = MinimalRequests.forApi(key);
        ApiMessage request = c.builder().build(version, fixture);
        try (RawConnection conn = fixture.connect()) {
            AbstractResponse response = conn.send(key, version, request);
            Set<Errors> errors = new HashSet<>(response.errorCounts().keySet());
            errors.remove(Errors.NONE);
            assertThat(errors).as("errors of %s v%d: %s", key, version, response.data()).isSubsetOf(c.allowed(version));
            assertThat(conn.send(ApiKeys.API_VERSIONS, (short) 0, new ApiVersionsRequestData()).errorCounts())
                    .as("the connection still answers after %s v%d", key, version).containsOnlyKeys(Errors.NONE);
        }
    }

    private void answersErrorInShape(ApiKeys key, short version, MinimalRequests.Case c) throws Exception {
        ApiMessage request = c.builder().build(version, fixture);
        try (RawConnection conn = fixture.connect()) {
            AbstractResponse response = conn.send(key, version, request);
            Set<Errors> errors = new HashSet<>(response.errorCounts().keySet());
            errors.remove(Errors.NONE);
            assertThat(errors).as("errors of %s v%d: %s", key, version, response.data()).isNotEmpty()
                    .isSubsetOf(c.allowed(version));
            assertThat(conn.send(ApiKeys.API_VERSIONS, (short) 0, new ApiVersionsRequestData()).errorCounts())
                    .as("the connection still answers after %s v%d", key, version).containsOnlyKeys(Errors.NONE);
        }
    }

    /** Advertised only for old librdkafka's sake (Produce v0-2): too old for the classes to parse, closed as Kafka does. */
    private void closesOnlyThatConnection(ApiKeys key, short version) throws Exception {
        ApiMessage request = MinimalRequests.forApi(key).builder().build(key.oldestVersion(), fixture);
        try (RawConnection conn = fixture.connect()) {
            assertThatThrownBy(() -> conn.sendClaimingVersion(key, key.oldestVersion(), version, request))
                    .isInstanceOf(EOFException.class);
        }
        try (RawConnection conn = fixture.connect()) {
            assertThat(conn.send(ApiKeys.API_VERSIONS, (short) 0, new ApiVersionsRequestData()).errorCounts())
                    .containsOnlyKeys(Errors.NONE);
        }
    }

    @Test
    void advertisesOnlyStableVersionsAndHasAMinimalRequestForEveryRegisteredApi() {
        assumeTrue(broker != null, "checks Runnel's own advertisement");
        assertThat(advertised.keySet()).isEqualTo(RunnelBroker.supportedApis());
        advertised.forEach((key, range) -> {
            // Produce from v0 as Kafka 4 does: librdkafka < 2.10 enables compression only when it sees v0-2
            assertThat(range.minVersion()).as("%s", key).isEqualTo(key == ApiKeys.PRODUCE ? 0 : key.oldestVersion());
            assertThat(range.maxVersion()).as("%s", key).isEqualTo(key.latestVersion(false));
            assertThat(MinimalRequests.covers(key)).as("MinimalRequests has a request for %s", key).isTrue();
        });
        assertThat(advertised.get(ApiKeys.INIT_PRODUCER_ID).maxVersion())
                .isLessThan(ApiKeys.INIT_PRODUCER_ID.latestVersion(true));
    }

    @Test
    void aVersionTheClassesKnowButTheBrokerDoesNotAdvertiseGetsUnsupportedVersion() throws IOException {
        assumeTrue(broker != null, "Kafka closes the connection instead");
        short unstable = ApiKeys.INIT_PRODUCER_ID.latestVersion(true);
        try (RawConnection conn = fixture.connect()) {
            AbstractResponse r = conn.send(ApiKeys.INIT_PRODUCER_ID, unstable,
                    new InitProducerIdRequestData().setTransactionalId(null).setTransactionTimeoutMs(60_000));
            assertThat(r.errorCounts()).containsOnlyKeys(Errors.UNSUPPORTED_VERSION);
            assertThat(conn.send(ApiKeys.API_VERSIONS, (short) 0, new ApiVersionsRequestData()).errorCounts())
                    .containsOnlyKeys(Errors.NONE);
        }
    }

    @Test
    void anApiTheBrokerDoesNotServeGetsUnsupportedVersion() throws IOException {
        assumeTrue(broker != null, "Kafka serves every broker API");
        // APIs whose error response carries a top-level error code (an empty per-topic one would show nothing)
        ApiKeys unserved = Stream.of(ApiKeys.DESCRIBE_CLIENT_QUOTAS, ApiKeys.DESCRIBE_DELEGATION_TOKEN)
                .filter(k -> !advertised.containsKey(k)).findFirst().orElseThrow();
        try (RawConnection conn = fixture.connect()) {
            AbstractResponse r = conn.send(unserved, unserved.latestVersion(false), unserved.messageType.newRequest());
            assertThat(r.errorCounts()).as("%s", unserved).containsKey(Errors.UNSUPPORTED_VERSION)
                    .doesNotContainKey(Errors.UNKNOWN_SERVER_ERROR);
            assertThat(conn.send(ApiKeys.API_VERSIONS, (short) 0, new ApiVersionsRequestData()).errorCounts())
                    .containsOnlyKeys(Errors.NONE);
        }
    }

    @Test
    void aVersionBeyondTheClassesClosesOnlyThatConnection() throws IOException {
        short tooNew = (short) (ApiKeys.METADATA.latestVersion(true) + 1);
        try (RawConnection conn = fixture.connect()) {
            // Written at the newest version the classes know, but the header claims one beyond it.
            assertThatThrownBy(() -> conn.sendClaimingVersion(ApiKeys.METADATA, ApiKeys.METADATA.latestVersion(),
                    tooNew, new MetadataRequestData())).isInstanceOf(EOFException.class);
        }
        try (RawConnection conn = fixture.connect()) {
            assertThat(conn.send(ApiKeys.API_VERSIONS, (short) 3, new ApiVersionsRequestData()
                    .setClientSoftwareName("x").setClientSoftwareVersion("1")).errorCounts()).containsOnlyKeys(Errors.NONE);
        }
    }
}
