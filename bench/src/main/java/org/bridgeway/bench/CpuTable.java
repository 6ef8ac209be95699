package org.bridgeway.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bridgeway.devstack.Devstack;

/** CPU per process during each measured phase, in % of one core (the machine has 200%). */
final class CpuTable {

    private final List<String> columns = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();

    CpuTable() {
        Devstack.SERVICES.forEach(s -> columns.add(s.module()));
        columns.addAll(List.of(ProcessCpu.POSTGRES, ProcessCpu.KAFKA, "load generator", ProcessCpu.BENCH));
    }

    void add(String phase, Map<String, Double> percent) {
        StringBuilder line = new StringBuilder("| ").append(phase).append(" |");
        double total = 0;
        for (String column : columns) {
            Double value = percent.get(column);
            line.append(value == null ? " – |" : String.format(" %.0f |", value));
            total += value == null ? 0 : value;
        }
        Double stolen = percent.get(ProcessCpu.STEAL);
        line.append(String.format(" %.0f |", total));
        lines.add(line.append(stolen == null ? " – |" : String.format(" %.0f |", stolen))
                .toString());
    }

    String render() {
        return "| phase | " + String.join(" | ", columns) + " | total | " + ProcessCpu.STEAL + " |\n|---"
                + "|---:".repeat(columns.size() + 2)
                + "|\n" + String.join("\n", lines) + "\n";
    }
}
