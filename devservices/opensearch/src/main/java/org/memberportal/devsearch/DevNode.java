package org.memberportal.devsearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.node.MockNode;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single-node OpenSearch 2.19 for development and CI only (never production).
 *
 * Usage: java -cp 'target/classes:target/lib/*' org.memberportal.devsearch.DevNode
 *            HTTP_PORT TRANSPORT_PORT DATA_DIR
 *
 * HTTP (Netty 4) on 127.0.0.1:HTTP_PORT, the Dutch and English analyzers of analysis-common,
 * no disk thresholds. Stops cleanly on SIGTERM (the shutdown hook closes the node).
 */
public final class DevNode {
    private DevNode() {
    }

    public static void main(String[] args) throws Exception {
        String httpPort = args.length > 0 ? args[0] : "9250";
        String transportPort = args.length > 1 ? args[1] : "9251";
        Path home = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("dev-opensearch");
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));

        Settings settings = Settings.builder()
            .put("cluster.name", "portal-dev")
            .put("node.name", "portal-dev-node")
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", httpPort)
            .put("transport.port", transportPort)
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("action.auto_create_index", false)
            // As Elasticsearch 8 by default: no wildcard deletes of indices.
            .put("action.destructive_requires_name", true)
            .build();

        Node node = new MockNode(settings, List.of(Netty4Plugin.class, CommonAnalysisPlugin.class));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(30, java.util.concurrent.TimeUnit.SECONDS);
                System.out.println("dev-opensearch stopped");
            } catch (Exception error) {
                error.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "dev-opensearch-shutdown"));
        node.start();
        System.out.println("dev-opensearch started: http://127.0.0.1:" + httpPort + " home=" + home);
        stopped.await();
    }
}
