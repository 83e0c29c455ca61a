package nl.regioamersfoort.samenwerken.budget;

import java.util.List;

/**
 * One horizontal bar chart, ready to print: the page and the PDF only place what is here, so both
 * show the same numbers. Each bar's {@code percent} is already rounded and clamped to 0–100 (it
 * picks a width class); {@code value} says the exact numbers in words, because a bar alone tells a
 * screen reader nothing and a printed grey bar little more.
 */
record BudgetChart(String id, String caption, String labelHeading, String valueHeading, List<Bar> bars, String empty) {

    /** {@code beyond}: the real value is over the whole (cap or budget) and the bar was cut at 100%. */
    record Bar(String label, int percent, String value, boolean beyond) {
    }
}
