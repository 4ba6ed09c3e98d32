package io.permlab.report.junit;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.RunResult;
import io.permlab.model.TargetResult;
import io.permlab.report.ReportFiles;
import io.permlab.report.ReportOptions;
import io.permlab.report.ReportWriter;
import io.permlab.report.junit.JunitSuite.Case;
import io.permlab.report.junit.JunitSuite.Kind;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * junit.xml, the CI gate: one test suite per target, one test case per rule that concerns the target's kind. A CI
 * server shows a rule with findings as a failed test and a target PermLab could not fully inspect as an error.
 */
public final class JunitReportWriter implements ReportWriter {
    public static final String FILE = "junit.xml";

    @Override
    public String format() {
        return "junit";
    }

    /**
     * Streamed suite by suite. The totals on the root element come first in the file, so a first pass counts them and
     * the second builds each suite again as it writes it: memory follows the largest target, not the batch.
     */
    @Override
    public void write(RunResult run, KnowledgeBase knowledge, ReportOptions options) throws IOException {
        JunitSuites builder = new JunitSuites(knowledge);
        Totals totals = new Totals();
        run.targets().forEach(t -> totals.add(builder.of(t, run.startedAt())));
        ReportFiles.writeText(options.outDir().resolve(FILE), out -> {
            try {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
                write(new Xml(xml), run, totals, builder);
                xml.flush();
            } catch (XMLStreamException e) {
                throw new IOException("cannot write " + FILE + ": " + e.getMessage(), e);
            }
        });
    }

    private static final class Totals {
        int tests;
        int failures;
        int errors;
        int skipped;
        double seconds;

        void add(JunitSuite s) {
            tests += s.tests();
            failures += s.count(Kind.FAILURE);
            errors += s.count(Kind.ERROR);
            skipped += s.count(Kind.SKIPPED);
            seconds += s.seconds();
        }
    }

    private static void write(Xml xml, RunResult run, Totals totals, JunitSuites builder) throws XMLStreamException {
        xml.startDocument();
        xml.start(0, "testsuites");
        xml.attribute("name", run.tool() == null ? "PermLab" : run.tool());
        xml.attribute("tests", totals.tests);
        xml.attribute("failures", totals.failures);
        xml.attribute("errors", totals.errors);
        xml.attribute("skipped", totals.skipped);
        xml.attribute("time", seconds(totals.seconds));
        for (TargetResult t : run.targets()) {
            writeSuite(xml, builder.of(t, run.startedAt()));
        }
        xml.end(0);
        xml.endDocument();
    }

    private static void writeSuite(Xml xml, JunitSuite suite) throws XMLStreamException {
        xml.start(1, "testsuite");
        xml.attribute("name", suite.name());
        xml.attribute("tests", suite.tests());
        xml.attribute("failures", suite.count(Kind.FAILURE));
        xml.attribute("errors", suite.count(Kind.ERROR));
        xml.attribute("skipped", suite.count(Kind.SKIPPED));
        xml.attribute("time", seconds(suite.seconds()));
        if (suite.timestamp() != null) {
            xml.attribute("timestamp", suite.timestamp());
        }
        xml.start(2, "properties");
        for (Map.Entry<String, String> p : suite.properties().entrySet()) {
            xml.empty(3, "property");
            xml.attribute("name", p.getKey());
            xml.attribute("value", p.getValue());
        }
        xml.end(2);
        for (Case c : suite.cases()) {
            writeCase(xml, c);
        }
        xml.end(1);
    }

    private static void writeCase(Xml xml, Case c) throws XMLStreamException {
        if (c.outcome() == null) {
            xml.empty(2, "testcase");
            writeCaseAttributes(xml, c);
            return;
        }
        xml.start(2, "testcase");
        writeCaseAttributes(xml, c);
        JunitSuite.Outcome o = c.outcome();
        if (o.text() == null) {
            xml.empty(3, o.kind().element);
        } else {
            xml.start(3, o.kind().element);
        }
        xml.attribute("message", o.message());
        if (o.type() != null) {
            xml.attribute("type", o.type());
        }
        if (o.text() != null) {
            xml.text(o.text());
            xml.endInline();
        }
        xml.end(2);
    }

    private static void writeCaseAttributes(Xml xml, Case c) throws XMLStreamException {
        xml.attribute("classname", c.className());
        xml.attribute("name", c.name());
        xml.attribute("time", "0");
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }
}
