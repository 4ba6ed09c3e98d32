package io.permlab.it.dynamic;

import org.testng.ITest;
import org.testng.ITestListener;
import org.testng.ITestResult;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A TestNG listener that keeps each test's outcome by its name (InspectionSuite names tests target · function · policy). */
final class TestNgOutcomes implements ITestListener {
    enum Status { PASSED, FAILED, SKIPPED }

    record Outcome(Status status, String message) {
    }

    private final Map<String, Outcome> byName = new ConcurrentHashMap<>();
    private final List<String> names = new CopyOnWriteArrayList<>();

    Map<String, Outcome> byName() {
        return Map.copyOf(byName);
    }

    /** Every test's name in the order they finished, duplicates included. */
    List<String> names() {
        return List.copyOf(names);
    }

    @Override
    public void onTestSuccess(ITestResult result) {
        record(result, Status.PASSED);
    }

    @Override
    public void onTestFailure(ITestResult result) {
        record(result, Status.FAILED);
    }

    @Override
    public void onTestFailedButWithinSuccessPercentage(ITestResult result) {
        record(result, Status.FAILED);
    }

    @Override
    public void onTestSkipped(ITestResult result) {
        record(result, Status.SKIPPED);
    }

    private void record(ITestResult result, Status status) {
        String name = result.getInstance() instanceof ITest t ? t.getTestName() : result.getName();
        String message = result.getThrowable() == null ? "" : String.valueOf(result.getThrowable().getMessage());
        names.add(name);
        byName.put(name, new Outcome(status, message));
    }
}
