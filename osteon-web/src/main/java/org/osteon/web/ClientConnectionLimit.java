package org.osteon.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;

/**
 * Closes a new connection at once when its client address already holds {@code max} open ones,
 * so that one client cannot take all of the server's connections (Jetty has a global connection
 * limit but none per client). Added to the connector as a bean, it hears of every connection.
 */
final class ClientConnectionLimit implements Connection.Listener {
    private final int max;
    private final Map<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();

    ClientConnectionLimit(int max) {
        this.max = max;
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress client = client(connection);
        if (client == null) {
            return;
        }
        int n = open.computeIfAbsent(client, c -> new AtomicInteger()).incrementAndGet();
        if (n > max) {
            connection.getEndPoint().close(); // onClosed still follows and counts it down
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress client = client(connection);
        if (client == null) {
            return;
        }
        open.computeIfPresent(client, (c, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /** Connections the client at {@code address} holds now (for tests and health). */
    int openFrom(InetAddress address) {
        AtomicInteger n = open.get(address);
        return n == null ? 0 : n.get();
    }

    private static InetAddress client(Connection connection) {
        SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
