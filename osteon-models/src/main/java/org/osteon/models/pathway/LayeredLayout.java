package org.osteon.models.pathway;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * A layered drawing of a directed graph, flowing left to right (Sugiyama's scheme, as Graphviz's
 * {@code dot} draws it): cycles are broken by turning the back edges of a depth-first search round,
 * nodes are ranked by their longest path from a source, edges longer than one layer get a chain of
 * dummy points, the order within each layer is improved by barycentre sweeps that keep the order with
 * the fewest crossings, and each layer is placed as close as possible to the mean height of its
 * neighbours (isotonic regression, so the boxes keep their order and never overlap).
 *
 * <p>Written by hand rather than with Eclipse ELK's layered algorithm ({@code org.eclipse.elk.alg.layered}):
 * ELK is well kept and better at large graphs, but it brings ELK core, graph and common, EMF (ecore,
 * common), Guava and the Xtext runtime (about 10 MB in eight jars) into the command-line tool to lay out
 * pathways of a few dozen nodes; this class is the few hundred lines those pictures need, and it is
 * deterministic (the same pathway gives the same bytes).
 */
public final class LayeredLayout {
    /** Horizontal room between two layers, for the edges. */
    static final double LAYER_GAP = 70;
    /** Vertical room between two boxes of one layer (a self-loop is drawn in it). */
    static final double NODE_GAP = 20;
    /** Vertical room a dummy point (an edge passing through a layer) takes. */
    static final double DUMMY_GAP = 8;
    static final double MARGIN = 16;
    private static final int SWEEPS = 24;

    /** A box: top-left corner and size. */
    public record Box(double x, double y, double width, double height) {
        public double centreX() {
            return x + width / 2;
        }

        public double centreY() {
            return y + height / 2;
        }

        public double right() {
            return x + width;
        }

        public double bottom() {
            return y + height;
        }

        /** The two boxes share interior points (touching edges do not count). */
        public boolean overlaps(Box o) {
            return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
        }
    }

    public record Point(double x, double y) {
    }

    /** An edge {@code from -> to} between node indices. */
    public record Edge(int from, int to) {
    }

    /**
     * The drawing: one box per node, one polyline per edge (from the source's box to the target's; empty
     * for a self-loop, which the renderer draws at its node), and the size of the whole.
     */
    public record Result(List<Box> boxes, List<List<Point>> routes, double width, double height) {
    }

    private LayeredLayout() {
    }

    /**
     * Lays out nodes of the given sizes ({@code sizes[i] = {width, height}}).
     *
     * @param trailing nodes put in a column of their own after all others (diseases, linked to the
     *                 rest only loosely); edges touching them do not rank nodes and are routed directly
     */
    public static Result layout(double[][] sizes, List<Edge> edges, Set<Integer> trailing) {
        int n = sizes.length;
        List<Edge> ranked = new ArrayList<>();
        for (Edge e : edges) {
            if (e.from() != e.to() && !trailing.contains(e.from()) && !trailing.contains(e.to())) {
                ranked.add(e);
            }
        }
        boolean[] reversed = backEdges(n, ranked);
        List<Edge> dag = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Edge e = ranked.get(i);
            dag.add(reversed[i] ? new Edge(e.to(), e.from()) : e);
        }
        int[] rank = ranks(n, dag, trailing);
        int layers = Arrays.stream(rank).max().orElse(0) + 1;

        // vertices: the nodes, then the dummies of long edges; chains[i] is edge i's vertices in DAG direction
        List<Integer> vertexRank = new ArrayList<>();
        for (int r : rank) {
            vertexRank.add(r);
        }
        List<int[]> chains = new ArrayList<>();
        List<int[]> links = new ArrayList<>();
        for (Edge e : dag) {
            int span = rank[e.to()] - rank[e.from()];
            int[] chain = new int[span + 1];
            chain[0] = e.from();
            chain[span] = e.to();
            for (int k = 1; k < span; k++) {
                chain[k] = vertexRank.size();
                vertexRank.add(rank[e.from()] + k);
            }
            for (int k = 0; k < span; k++) {
                links.add(new int[] {chain[k], chain[k + 1]});
            }
            chains.add(chain);
        }
        int vertices = vertexRank.size();
        List<List<Integer>> up = new ArrayList<>();
        List<List<Integer>> down = new ArrayList<>();
        for (int v = 0; v < vertices; v++) {
            up.add(new ArrayList<>());
            down.add(new ArrayList<>());
        }
        for (int[] l : links) {
            down.get(l[0]).add(l[1]);
            up.get(l[1]).add(l[0]);
        }
        List<List<Integer>> order = new ArrayList<>();
        for (int r = 0; r < layers; r++) {
            order.add(new ArrayList<>());
        }
        for (int v = 0; v < vertices; v++) {
            order.get(vertexRank.get(v)).add(v);
        }
        order = minimiseCrossings(order, up, down, vertices);

        double[] width = new double[vertices];
        double[] height = new double[vertices];
        for (int v = 0; v < n; v++) {
            width[v] = sizes[v][0];
            height[v] = sizes[v][1];
        }
        double[] layerX = new double[layers];
        double[] layerWidth = new double[layers];
        double x = MARGIN;
        for (int r = 0; r < layers; r++) {
            for (int v : order.get(r)) {
                layerWidth[r] = Math.max(layerWidth[r], width[v]);
            }
            layerX[r] = x;
            x += layerWidth[r] + LAYER_GAP;
        }
        double[] y = placeVertically(order, up, down, height, n);

        List<Box> boxes = new ArrayList<>();
        double bottom = 0;
        for (int v = 0; v < n; v++) {
            int r = rank[v];
            Box b = new Box(layerX[r] + (layerWidth[r] - width[v]) / 2, y[v] - height[v] / 2, width[v], height[v]);
            boxes.add(b);
            bottom = Math.max(bottom, b.bottom());
        }
        List<List<Point>> routes = new ArrayList<>();
        int next = 0;
        for (Edge e : edges) {
            if (e.from() == e.to()) {
                routes.add(List.of());
            } else if (trailing.contains(e.from()) || trailing.contains(e.to())) {
                routes.add(direct(boxes.get(e.from()), boxes.get(e.to())));
            } else {
                int i = next++;
                int[] chain = chains.get(i);
                List<Point> pts = new ArrayList<>();
                Box first = boxes.get(chain[0]);
                pts.add(new Point(first.right(), first.centreY()));
                for (int k = 1; k < chain.length - 1; k++) {
                    int r = vertexRank.get(chain[k]);
                    pts.add(new Point(layerX[r] + layerWidth[r] / 2, y[chain[k]]));
                }
                Box last = boxes.get(chain[chain.length - 1]);
                pts.add(new Point(last.x(), last.centreY()));
                if (reversed[i]) {
                    java.util.Collections.reverse(pts);
                }
                routes.add(pts);
            }
        }
        spreadPorts(boxes, edges, routes);
        return new Result(List.copyOf(boxes), List.copyOf(routes), x - LAYER_GAP + MARGIN, bottom + MARGIN);
    }

    /** Which edges a depth-first search from each node in turn finds going back to a node on its path. */
    private static boolean[] backEdges(int n, List<Edge> edges) {
        List<List<Integer>> out = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            out.add(new ArrayList<>());
        }
        for (int i = 0; i < edges.size(); i++) {
            out.get(edges.get(i).from()).add(i);
        }
        boolean[] back = new boolean[edges.size()];
        int[] state = new int[n]; // 0 unseen, 1 on the path, 2 done
        for (int root = 0; root < n; root++) {
            if (state[root] != 0) {
                continue;
            }
            // iterative: a long chain of nodes must not overflow the stack
            Deque<int[]> stack = new ArrayDeque<>();
            stack.push(new int[] {root, 0});
            state[root] = 1;
            while (!stack.isEmpty()) {
                int[] top = stack.peek();
                List<Integer> outs = out.get(top[0]);
                if (top[1] == outs.size()) {
                    state[top[0]] = 2;
                    stack.pop();
                    continue;
                }
                int ei = outs.get(top[1]++);
                int w = edges.get(ei).to();
                if (state[w] == 1) {
                    back[ei] = true;
                } else if (state[w] == 0) {
                    state[w] = 1;
                    stack.push(new int[] {w, 0});
                }
            }
        }
        return back;
    }

    /**
     * Longest path from a source; then a source is moved right to just before its nearest successor
     * (a drug acting on one cell sits next to it, not in the first column); trailing nodes last.
     */
    private static int[] ranks(int n, List<Edge> dag, Set<Integer> trailing) {
        int[] indegree = new int[n];
        List<List<Integer>> succ = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            succ.add(new ArrayList<>());
        }
        for (Edge e : dag) {
            succ.get(e.from()).add(e.to());
            indegree[e.to()]++;
        }
        int[] rank = new int[n];
        int[] remaining = indegree.clone();
        List<Integer> topo = new ArrayList<>();
        Deque<Integer> ready = new ArrayDeque<>();
        for (int v = 0; v < n; v++) {
            if (remaining[v] == 0) {
                ready.add(v);
            }
        }
        while (!ready.isEmpty()) {
            int v = ready.poll();
            topo.add(v);
            for (int w : succ.get(v)) {
                rank[w] = Math.max(rank[w], rank[v] + 1);
                if (--remaining[w] == 0) {
                    ready.add(w);
                }
            }
        }
        for (int i = topo.size() - 1; i >= 0; i--) {
            int v = topo.get(i);
            if (indegree[v] == 0 && !succ.get(v).isEmpty()) {
                rank[v] = succ.get(v).stream().mapToInt(w -> rank[w]).min().orElseThrow() - 1;
            }
        }
        int last = 0;
        for (int v = 0; v < n; v++) {
            if (!trailing.contains(v)) {
                last = Math.max(last, rank[v]);
            }
        }
        for (int v : trailing) {
            rank[v] = last + 1;
        }
        return rank;
    }

    /** Barycentre sweeps down and up the layers; the order with the fewest crossings seen is kept. */
    private static List<List<Integer>> minimiseCrossings(List<List<Integer>> order, List<List<Integer>> up,
                                                         List<List<Integer>> down, int vertices) {
        double[] pos = new double[vertices];
        List<List<Integer>> best = copy(order);
        long bestCrossings = crossings(order, down, pos);
        for (int sweep = 0; sweep < SWEEPS && bestCrossings > 0; sweep++) {
            boolean downwards = sweep % 2 == 0;
            int layers = order.size();
            for (int k = 1; k < layers; k++) {
                int r = downwards ? k : layers - 1 - k;
                List<List<Integer>> neighbours = downwards ? up : down;
                List<Integer> layer = order.get(r);
                positions(order.get(downwards ? r - 1 : r + 1), pos);
                double[] key = new double[vertices];
                for (int i = 0; i < layer.size(); i++) {
                    int v = layer.get(i);
                    List<Integer> nb = neighbours.get(v);
                    key[v] = nb.isEmpty() ? i : nb.stream().mapToDouble(w -> pos[w]).average().orElse(i);
                }
                List<Integer> sorted = new ArrayList<>(layer);
                sorted.sort(Comparator.comparingDouble(v -> key[v])); // stable: ties keep their order
                order.set(r, sorted);
            }
            long c = crossings(order, down, pos);
            if (c < bestCrossings) {
                bestCrossings = c;
                best = copy(order);
            }
        }
        return best;
    }

    private static void positions(List<Integer> layer, double[] pos) {
        for (int i = 0; i < layer.size(); i++) {
            pos[layer.get(i)] = i;
        }
    }

    /** Pairs of links between adjacent layers that cross. */
    static long crossings(List<List<Integer>> order, List<List<Integer>> down, double[] pos) {
        long total = 0;
        for (int r = 0; r + 1 < order.size(); r++) {
            positions(order.get(r), pos);
            positions(order.get(r + 1), pos);
            List<double[]> links = new ArrayList<>();
            for (int v : order.get(r)) {
                for (int w : down.get(v)) {
                    links.add(new double[] {pos[v], pos[w]});
                }
            }
            for (int i = 0; i < links.size(); i++) {
                for (int j = i + 1; j < links.size(); j++) {
                    double a = links.get(i)[0] - links.get(j)[0];
                    double b = links.get(i)[1] - links.get(j)[1];
                    if (a * b < 0) {
                        total++;
                    }
                }
            }
        }
        return total;
    }

    private static List<List<Integer>> copy(List<List<Integer>> order) {
        List<List<Integer>> c = new ArrayList<>();
        order.forEach(l -> c.add(new ArrayList<>(l)));
        return c;
    }

    /**
     * Centre heights: first stacked, then a few rounds in which each layer moves towards the mean
     * height of its neighbours in the layer before (or after), keeping its order and gaps.
     */
    private static double[] placeVertically(List<List<Integer>> order, List<List<Integer>> up, List<List<Integer>> down,
                                            double[] height, int realNodes) {
        int vertices = height.length;
        double[] y = new double[vertices];
        for (List<Integer> layer : order) {
            double top = MARGIN;
            for (int v : layer) {
                y[v] = top + height[v] / 2;
                top += height[v] + gap(v, realNodes);
            }
        }
        for (int round = 0; round < 8; round++) {
            boolean downwards = round % 2 == 0;
            int layers = order.size();
            for (int k = 0; k < layers; k++) {
                int r = downwards ? k : layers - 1 - k;
                List<Integer> layer = order.get(r);
                double[] desired = new double[layer.size()];
                for (int i = 0; i < layer.size(); i++) {
                    int v = layer.get(i);
                    List<Integer> nb = new ArrayList<>(downwards ? up.get(v) : down.get(v));
                    if (nb.isEmpty()) {
                        nb = downwards ? down.get(v) : up.get(v);
                    }
                    desired[i] = nb.isEmpty() ? y[v] : nb.stream().mapToDouble(w -> y[w]).average().orElse(y[v]);
                }
                double[] placed = isotonic(layer, desired, height, realNodes);
                for (int i = 0; i < layer.size(); i++) {
                    y[layer.get(i)] = placed[i];
                }
            }
        }
        double top = Double.POSITIVE_INFINITY;
        for (int v = 0; v < vertices; v++) {
            top = Math.min(top, y[v] - height[v] / 2);
        }
        for (int v = 0; v < vertices; v++) {
            y[v] += MARGIN - top;
        }
        return y;
    }

    private static double gap(int v, int realNodes) {
        return v < realNodes ? NODE_GAP : DUMMY_GAP;
    }

    /**
     * Heights closest (least squares) to {@code desired} such that each vertex is at least half its
     * height, the gap and half the next one's height above the next: pool-adjacent-violators on the
     * heights less their cumulative minimum offsets.
     */
    private static double[] isotonic(List<Integer> layer, double[] desired, double[] height, int realNodes) {
        int m = layer.size();
        double[] offset = new double[m];
        for (int i = 1; i < m; i++) {
            int a = layer.get(i - 1);
            int b = layer.get(i);
            offset[i] = offset[i - 1] + height[a] / 2 + Math.max(gap(a, realNodes), gap(b, realNodes)) + height[b] / 2;
        }
        double[] sum = new double[m];
        int[] count = new int[m];
        int blocks = 0;
        for (int i = 0; i < m; i++) {
            sum[blocks] = desired[i] - offset[i];
            count[blocks] = 1;
            blocks++;
            while (blocks > 1 && sum[blocks - 2] / count[blocks - 2] > sum[blocks - 1] / count[blocks - 1]) {
                sum[blocks - 2] += sum[blocks - 1];
                count[blocks - 2] += count[blocks - 1];
                blocks--;
            }
        }
        double[] out = new double[m];
        int i = 0;
        for (int b = 0; b < blocks; b++) {
            double level = sum[b] / count[b];
            for (int k = 0; k < count[b]; k++, i++) {
                out[i] = level + offset[i];
            }
        }
        return out;
    }

    /** A trailing node's edge: from the side of one box that faces the other. */
    private static List<Point> direct(Box from, Box to) {
        boolean rightwards = to.centreX() >= from.centreX();
        return List.of(new Point(rightwards ? from.right() : from.x(), from.centreY()),
                new Point(rightwards ? to.x() : to.right(), to.centreY()));
    }

    /**
     * Edges meeting one side of a box leave or arrive at distinct heights, in the order of the points
     * they come from, within the middle half of the side.
     */
    private static void spreadPorts(List<Box> boxes, List<Edge> edges, List<List<Point>> routes) {
        record End(int route, boolean start, double towards) {
        }
        List<List<End>> sides = new ArrayList<>(); // 2 per box: left, right
        for (int i = 0; i < 2 * boxes.size(); i++) {
            sides.add(new ArrayList<>());
        }
        for (int r = 0; r < routes.size(); r++) {
            List<Point> pts = routes.get(r);
            if (pts.isEmpty()) {
                continue;
            }
            for (boolean start : new boolean[] {true, false}) {
                int box = start ? edges.get(r).from() : edges.get(r).to();
                Point p = start ? pts.get(0) : pts.get(pts.size() - 1);
                Point near = start ? pts.get(1) : pts.get(pts.size() - 2);
                boolean right = p.x() > boxes.get(box).centreX();
                sides.get(2 * box + (right ? 1 : 0)).add(new End(r, start, near.y()));
            }
        }
        for (int s = 0; s < sides.size(); s++) {
            List<End> ends = sides.get(s);
            if (ends.size() < 2) {
                continue;
            }
            ends.sort(Comparator.comparingDouble(End::towards));
            Box b = boxes.get(s / 2);
            for (int k = 0; k < ends.size(); k++) {
                double py = b.y() + b.height() * (0.25 + 0.5 * (k + 0.5) / ends.size());
                End e = ends.get(k);
                List<Point> pts = new ArrayList<>(routes.get(e.route()));
                int at = e.start() ? 0 : pts.size() - 1;
                pts.set(at, new Point(pts.get(at).x(), py));
                routes.set(e.route(), List.copyOf(pts));
            }
        }
    }
}
