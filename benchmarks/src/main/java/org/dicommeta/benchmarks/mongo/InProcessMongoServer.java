package org.dicommeta.benchmarks.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.concurrent.CountDownLatch;

/**
 * Starts {@code mongo-java-server} (memory backend) on 127.0.0.1 and serves until the process is stopped.
 * Usage: {@code java -cp benchmarks.jar org.dicommeta.benchmarks.mongo.InProcessMongoServer [PORT]}
 * (default 27017). It is a wire-protocol imitation of MongoDB that keeps everything in this JVM's heap,
 * scans for non-unique index queries and has no transactions: never quote its numbers as MongoDB's.
 */
public final class InProcessMongoServer {

    private static final System.Logger LOG = System.getLogger(InProcessMongoServer.class.getName());

    private InProcessMongoServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 27017;
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            stopped.countDown();
        }, "mongo-java-server-stop"));
        LOG.log(System.Logger.Level.INFO, "mongo-java-server (memory backend, NOT a real MongoDB) listening on "
                + "mongodb://127.0.0.1:" + port);
        stopped.await();
    }
}
