package org.bridgeway.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample, in the sample's unit. */
record Percentiles(int count, double p50, double p95, double p99, double max) {

    static Percentiles of(double[] sample) {
        double[] sorted = sample.clone();
        Arrays.sort(sorted);
        return new Percentiles(
                sorted.length,
                rank(sorted, 50),
                rank(sorted, 95),
                rank(sorted, 99),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]);
    }

    /** The p50 of each tenth of a sample kept in send order: shows a warm-up or a growing queue that one p95 hides. */
    static String byTenths(double[] inSendOrder) {
        StringBuilder out = new StringBuilder();
        int n = inSendOrder.length;
        for (int tenth = 0; tenth < 10 && n >= 10; tenth++) {
            double[] part = Arrays.copyOfRange(inSendOrder, tenth * n / 10, (tenth + 1) * n / 10);
            out.append(tenth == 0 ? "" : ", ").append(String.format("%.0f", of(part).p50()));
        }
        return out.toString();
    }

    private static double rank(double[] sorted, double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
