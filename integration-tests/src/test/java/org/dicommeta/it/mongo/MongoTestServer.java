package org.dicommeta.it.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The MongoDB the tests use, chosen once per JVM, in this order: the URI in {@code DICOMMETA_IT_MONGO_URI};
 * Testcontainers {@code mongo:7} when a Docker engine answers; else the in-process wire-protocol server
 * {@code de.bwaldvogel:mongo-java-server} (no transactions or sessions; non-unique indexes ignored). The
 * choice is printed, never hidden.
 */
final class MongoTestServer {

    /** Which kind of server the tests talk to. */
    enum Kind { ENVIRONMENT, TESTCONTAINERS, IN_PROCESS }

    private static Kind kind;
    private static String uri;

    private MongoTestServer() {
    }

    static synchronized String uri() {
        if (uri == null) {
            start();
        }
        return uri;
    }

    static synchronized Kind kind() {
        uri();
        return kind;
    }

    private static void start() {
        String env = System.getenv("DICOMMETA_IT_MONGO_URI");
        if (env != null && !env.isBlank()) {
            kind = Kind.ENVIRONMENT;
            uri = env.trim();
        } else if (dockerAvailable()) {
            MongoDBContainer container = new MongoDBContainer("mongo:7");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            kind = Kind.TESTCONTAINERS;
            uri = container.getReplicaSetUrl("dicommeta");
        } else {
            MongoServer server = new MongoServer(new MemoryBackend());
            InetSocketAddress address = server.bind();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
            kind = Kind.IN_PROCESS;
            uri = "mongodb://127.0.0.1:" + address.getPort() + "/dicommeta";
        }
        System.out.println("[dicom-metadata IT] MongoDB for tests: " + describeStarted());
    }

    static synchronized String describe() {
        uri();
        return describeStarted();
    }

    private static String describeStarted() {
        return switch (kind) {
            case ENVIRONMENT -> "DICOMMETA_IT_MONGO_URI " + org.dicommeta.domain.Secrets.mask(uri);
            case TESTCONTAINERS -> "Testcontainers mongo:7 at " + uri;
            case IN_PROCESS -> "in-process mongo-java-server (de.bwaldvogel, memory backend; not a real MongoDB: "
                    + "no transactions or sessions, non-unique indexes ignored) at " + uri;
        };
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            return false;
        }
    }
}
