package org.migrationgraph.server;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community with a Bolt connector on a local address.
 *
 * <p>Usage: {@code LocalNeo4j --home DIR --host 127.0.0.1 --port 7687 --pagecache 256m
 * --tx-timeout-seconds 30}. SIGTERM (or Ctrl-C) shuts the database down cleanly through
 * the shutdown hook, so a restart on the same folder finds every committed node.
 */
public final class LocalNeo4j {
    private LocalNeo4j() {}

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> opts = parse(args);
        Path home = Path.of(opts.getOrDefault("home", ".data/neo4j")).toAbsolutePath();
        String host = opts.getOrDefault("host", "127.0.0.1");
        int port = Integer.parseInt(opts.getOrDefault("port", "7687"));
        long pageCache = ByteUnit.parse(opts.getOrDefault("pagecache", "256m"));
        long txTimeout = Long.parseLong(opts.getOrDefault("tx-timeout-seconds", "0"));

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                // Keep-alive NOOPs only while streaming, and so no recv-timeout hint: with
                // the hint the Python driver's async sockets wrap every read in a timer
                // task (0.2 ms of the API's CPU per query, bench/README.md). On loopback a
                // dead server closes the socket, which the driver sees at once.
                .setConfig(BoltConnector.connection_keep_alive_type,
                        BoltConnector.KeepAliveRequestType.STREAMING)
                // Local development server bound to loopback: no credentials.
                .setConfig(GraphDatabaseSettings.auth_enabled, false);
        if (txTimeout > 0) {
            builder.setConfig(GraphDatabaseSettings.transaction_timeout,
                    java.time.Duration.ofSeconds(txTimeout));
        }
        DatabaseManagementService dbms = builder.build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("neo4j: shutting down");
            dbms.shutdown();
            System.out.println("neo4j: stopped cleanly");
            System.out.flush();
            stopped.countDown();
        }, "neo4j-shutdown"));

        System.out.println("neo4j: ready bolt://" + host + ":" + port + " data=" + home);
        System.out.flush();
        stopped.await();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got: " + args[i]);
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }
}
