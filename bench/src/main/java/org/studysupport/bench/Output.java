package org.studysupport.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The figures, one JSON object per line on standard output, printed as soon as each is measured.
 * Progress goes to standard error, so that standard output holds figures only.
 */
final class Output {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Output() {
    }

    static void figure(String metric, Number value, String unit) {
        figure(metric, value, unit, null);
    }

    /** A null value means: not measured (the feature does not exist, or it did not finish); say why in the note. */
    static synchronized void figure(String metric, Number value, String unit, String note) {
        ObjectNode line = JSON.createObjectNode();
        line.put("metric", metric);
        if (value == null) {
            line.putNull("value");
        } else if (value instanceof Double || value instanceof Float) {
            line.put("value", round(value.doubleValue()));
        } else {
            line.put("value", value.longValue());
        }
        line.put("unit", unit);
        if (note != null) {
            line.put("note", note);
        }
        System.out.println(line);
        System.out.flush();
    }

    static void progress(String message) {
        System.err.printf("[bench %tT] %s%n", System.currentTimeMillis(), message);
        System.err.flush();
    }

    /** Three significant digits, at most three decimals: figures of noisy machines, not of calculators. */
    static BigDecimal round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3));
        if (rounded.scale() > 3) {
            rounded = rounded.setScale(3, RoundingMode.HALF_UP);
        }
        return rounded.stripTrailingZeros().scale() < 0 ? rounded.setScale(0) : rounded.stripTrailingZeros();
    }
}
