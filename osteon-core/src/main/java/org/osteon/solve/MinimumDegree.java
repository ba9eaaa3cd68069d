package org.osteon.solve;

import java.util.Arrays;
import org.osteon.util.SparsityPattern;

/**
 * A fill-reducing elimination order for sparse LU: minimum degree on the graph of A + A^T (Tinney
 * and Walker's scheme 2, as in George and Liu, "The evolution of the minimum degree ordering
 * algorithm", SIAM Review 31, 1989), with the eliminated node's neighbours joined into a clique
 * explicitly. Nodes whose initial degree exceeds {@code max(16, 10 sqrt(n))} (a systemic
 * variable every cell depends on) are ordered last, as AMD does, so they neither cost quadratic
 * time nor fill everything early.
 *
 * <p>Written here because EJML 0.46 has no fill-reducing ordering ({@code FillReducing} offers
 * only NONE, and RANDOM/IDENTITY for testing). Explicit cliques cost O(sum of squared degrees),
 * which is small for the banded and lattice-like Jacobians of compartment and tissue models (for
 * the 30,000-state chain: 6 ms); a denser pattern is solved with dense LU anyway.
 */
final class MinimumDegree {
    private MinimumDegree() {
    }

    /** The order: {@code order[k]} is the row and column eliminated at step k. */
    static int[] order(SparsityPattern pattern) {
        int n = pattern.size();
        int[][] adj = symmetricAdjacency(pattern);
        int denseLimit = (int) Math.max(16, 10 * Math.sqrt(n));
        boolean[] done = new boolean[n];
        int[] order = new int[n];
        int tail = n;
        for (int v = n - 1; v >= 0; v--) {
            if (adj[v].length > denseLimit) {
                done[v] = true;
                order[--tail] = v;
            }
        }
        if (tail < n) { // drop the dense nodes from everyone's neighbours
            for (int v = 0; v < n; v++) {
                if (!done[v]) {
                    adj[v] = Arrays.stream(adj[v]).filter(u -> !done[u]).toArray();
                }
            }
        }
        // degree buckets as doubly linked lists
        int[] head = new int[n + 1];
        int[] next = new int[n];
        int[] prev = new int[n];
        int[] degree = new int[n];
        Arrays.fill(head, -1);
        for (int v = n - 1; v >= 0; v--) {
            if (!done[v]) {
                degree[v] = adj[v].length;
                insert(v, head, next, prev, degree);
            }
        }
        int[] mark = new int[n];
        int stamp = 0;
        int[] buffer = new int[n];
        int minDegree = 0;
        for (int k = 0; k < tail; k++) {
            while (head[minDegree] < 0) {
                minDegree++;
            }
            int v = head[minDegree];
            remove(v, head, next, prev, degree);
            done[v] = true;
            order[k] = v;
            int[] nbrs = adj[v];
            adj[v] = null;
            for (int u : nbrs) {
                // adj[u] := adj[u] + nbrs - {u, v}
                stamp++;
                int size = 0;
                mark[u] = stamp;
                mark[v] = stamp;
                for (int w : adj[u]) {
                    if (mark[w] != stamp) {
                        mark[w] = stamp;
                        buffer[size++] = w;
                    }
                }
                for (int w : nbrs) {
                    if (mark[w] != stamp) {
                        mark[w] = stamp;
                        buffer[size++] = w;
                    }
                }
                adj[u] = Arrays.copyOf(buffer, size);
                remove(u, head, next, prev, degree);
                degree[u] = size;
                insert(u, head, next, prev, degree);
                minDegree = Math.min(minDegree, size);
            }
        }
        return order;
    }

    private static void insert(int v, int[] head, int[] next, int[] prev, int[] degree) {
        int d = degree[v];
        next[v] = head[d];
        prev[v] = -1;
        if (head[d] >= 0) {
            prev[head[d]] = v;
        }
        head[d] = v;
    }

    private static void remove(int v, int[] head, int[] next, int[] prev, int[] degree) {
        if (prev[v] >= 0) {
            next[prev[v]] = next[v];
        } else {
            head[degree[v]] = next[v];
        }
        if (next[v] >= 0) {
            prev[next[v]] = prev[v];
        }
    }

    /** Neighbours of each node in A + A^T, without the diagonal, each list free of duplicates. */
    private static int[][] symmetricAdjacency(SparsityPattern p) {
        int n = p.size();
        int[] count = new int[n];
        for (int i = 0; i < n; i++) {
            for (int k = p.rowStart(i); k < p.rowStart(i + 1); k++) {
                int j = p.column(k);
                if (j != i) {
                    count[i]++;
                    count[j]++;
                }
            }
        }
        int[][] raw = new int[n][];
        for (int i = 0; i < n; i++) {
            raw[i] = new int[count[i]];
        }
        Arrays.fill(count, 0);
        for (int i = 0; i < n; i++) {
            for (int k = p.rowStart(i); k < p.rowStart(i + 1); k++) {
                int j = p.column(k);
                if (j != i) {
                    raw[i][count[i]++] = j;
                    raw[j][count[j]++] = i;
                }
            }
        }
        int[][] adj = new int[n][];
        for (int i = 0; i < n; i++) {
            int[] a = raw[i];
            Arrays.sort(a);
            int m = 0;
            for (int k = 0; k < a.length; k++) {
                if (k == 0 || a[k] != a[k - 1]) {
                    a[m++] = a[k];
                }
            }
            adj[i] = Arrays.copyOf(a, m);
        }
        return adj;
    }
}
