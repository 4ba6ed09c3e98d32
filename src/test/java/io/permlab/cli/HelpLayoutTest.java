package io.permlab.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Help read in an 80-column terminal (picocli's width outside one): every example is one whole line a user can copy,
 * its explanation on a line of its own, instead of a command wrapped into the middle of its comment.
 */
class HelpLayoutTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "|'  permlab demo --out reports/demo'",
            "|'  permlab scan app.wxapkg --category 餐饮外卖'",
            "|'  permlab scan app.apk --fail-on high'",
            "run|'  permlab run apps/demo-delivery --appium http://127.0.0.1:4723'",
            "run|'  permlab run apps/demo-delivery --grid http://127.0.0.1:4444'",
            "scan|'  permlab scan __APP__.wxapkg --appid wx1234567890abcdef'",
            "scan|'  permlab scan app.apk -c food_delivery --out reports/1.2 --format json,sarif'"})
    void everyExampleIsAWholeLine(String command, String example) {
        StringWriter out = new StringWriter();
        String[] args = command == null ? new String[]{"--help"} : new String[]{command, "--help"};
        assertThat(PermLab.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args)).isZero();
        assertThat(out.toString().lines()).contains(example);
    }
}
