package io.permlab.report.junit;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.RunResult;
import io.permlab.report.ReportFiles;
import io.permlab.report.ReportOptions;
import io.permlab.report.ReportWriter;
import io.permlab.report.junit.JunitSuite.Case;
import io.permlab.report.junit.JunitSuite.Kind;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.util.List;
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

    @Override
    public void write(RunResult run, KnowledgeBase knowledge, ReportOptions options) throws IOException {
        JunitSuites builder = new JunitSuites(knowledge);
        List<JunitSuite> suites = run.targets().stream().map(t -> builder.of(t, run.startedAt())).toList();
        ReportFiles.writeText(options.outDir().resolve(FILE), out -> {
            try {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
                write(new Xml(xml), run, suites);
                xml.flush();
            } catch (XMLStreamException e) {
                throw new IOException("cannot write " + FILE + ": " + e.getMessage(), e);
            }
        });
    }

    private static void write(Xml xml, RunResult run, List<JunitSuite> suites) throws XMLStreamException {
        xml.startDocument();
        xml.start(0, "testsuites");
        xml.attribute("name", run.tool() == null ? "PermLab" : run.tool());
        xml.attribute("tests", suites.stream().mapToInt(JunitSuite::tests).sum());
        xml.attribute("failures", suites.stream().mapToInt(s -> s.count(Kind.FAILURE)).sum());
        xml.attribute("errors", suites.stream().mapToInt(s -> s.count(Kind.ERROR)).sum());
        xml.attribute("skipped", suites.stream().mapToInt(s -> s.count(Kind.SKIPPED)).sum());
        xml.attribute("time", seconds(suites.stream().mapToDouble(JunitSuite::seconds).sum()));
        for (JunitSuite suite : suites) {
            writeSuite(xml, suite);
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
