package io.permlab.device.uiautomator;

import io.appium.java_client.AppiumBy;
import io.appium.java_client.android.AndroidDriver;
import io.appium.java_client.android.options.UiAutomator2Options;
import io.permlab.device.android.Locator;
import io.permlab.exercise.SessionException;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchSessionException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link DeviceDriver} through an Appium server's UiAutomator2 driver (io.appium java-client's AndroidDriver), with its
 * contexts: in a WEBVIEW context locators are web locators (a mini-program's page), see {@link WebViewLocators}.
 */
final class AppiumDeviceDriver implements HybridDriver {
    private final AndroidDriver driver;
    private boolean inWebView;

    private AppiumDeviceDriver(AndroidDriver driver) {
        this.driver = driver;
    }

    /** Opens the Appium session; the options were checked by the factory (no auto-granting). */
    static AppiumDeviceDriver start(URL appium, UiAutomator2Options options) throws SessionException {
        try {
            AndroidDriver d = new AndroidDriver(appium, options);
            d.manage().timeouts().implicitlyWait(Duration.ZERO);
            return new AppiumDeviceDriver(d);
        } catch (WebDriverException e) {
            throw new SessionException(SessionException.Kind.UNREACHABLE, "Appium at " + appium + " gave no UiAutomator2 session: "
                    + firstLine(e.getMessage()) + " ('permlab devices' lists what is missing)", e);
        }
    }

    @Override
    public void launch(String appPackage, String activity) throws SessionException {
        call(() -> {
            if (activity == null) {
                driver.activateApp(appPackage);
            } else {
                String component = activity.contains("/") ? activity : appPackage + "/" + activity;
                driver.executeScript("mobile: startActivity", Map.of("intent", component, "wait", true));
            }
            return null;
        });
    }

    @Override
    public Presence find(io.permlab.model.flow.Locator locator) throws SessionException {
        By by = by(locator);
        return call(() -> {
            List<WebElement> found = driver.findElements(by);
            if (found.isEmpty()) {
                return Presence.ABSENT;
            }
            return found.get(0).isEnabled() ? Presence.READY : Presence.DISABLED;
        });
    }

    @Override
    public void tap(io.permlab.model.flow.Locator locator) throws SessionException {
        By by = by(locator);
        call(() -> {
            driver.findElement(by).click();
            return null;
        });
    }

    @Override
    public void type(io.permlab.model.flow.Locator locator, String text) throws SessionException {
        By by = by(locator);
        call(() -> {
            WebElement e = driver.findElement(by);
            e.clear();
            e.sendKeys(text);
            return null;
        });
    }

    @Override
    public Set<String> contexts() throws SessionException {
        return call(driver::getContextHandles);
    }

    @Override
    public String context() throws SessionException {
        return call(driver::getContext);
    }

    @Override
    public void switchTo(String context) throws SessionException {
        call(() -> driver.context(context));
        inWebView = !NATIVE.equals(context);
    }

    private By by(io.permlab.model.flow.Locator locator) throws SessionException {
        return inWebView ? WebViewLocators.by(locator) : AndroidLocators.by(locator);
    }

    @Override
    public void scroll(io.permlab.model.flow.Locator locator) throws SessionException {
        if (inWebView) {
            By target = locator == null ? null : by(locator);
            call(() -> target == null ? driver.executeScript("window.scrollBy(0, window.innerHeight * 0.8)")
                    : driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", driver.findElement(target)));
            return;
        }
        if (locator != null && locator.kind() == io.permlab.model.flow.LocatorKind.TEXT) {
            By into = AppiumBy.androidUIAutomator("new UiScrollable(new UiSelector().scrollable(true)).scrollIntoView("
                    + "new UiSelector().text(" + AndroidLocators.javaString(locator.value().trim()) + "))");
            call(() -> driver.findElement(into));
            return;
        }
        call(() -> {
            Dimension size = driver.manage().window().getSize();
            return driver.executeScript("mobile: scrollGesture", Map.of("left", 0, "top", size.height / 5,
                    "width", size.width, "height", size.height * 3 / 5, "direction", "down", "percent", 0.9));
        });
    }

    @Override
    public void tapDialogChoice(Locator locator) throws SessionException {
        By by = locator.kind() == Locator.Kind.RESOURCE_ID ? AppiumBy.id(locator.value()) : By.xpath(locator.value());
        call(() -> {
            driver.findElement(by).click();
            return null;
        });
    }

    @Override
    public void back() throws SessionException {
        call(() -> {
            driver.navigate().back();
            return null;
        });
    }

    /** Appium's GET /alert/text: UiAutomator2 answers "no such alert" when no AlertDialog is on screen. */
    @Override
    public String alertText() throws SessionException {
        return call(() -> {
            try {
                return driver.switchTo().alert().getText();
            } catch (org.openqa.selenium.NoAlertPresentException e) {
                return null;
            }
        });
    }

    /** Appium's POST /alert/accept or /alert/dismiss (UiAutomator2 taps the dialog's positive or negative button). */
    @Override
    public void answerAlert(boolean accept, String text) throws SessionException {
        call(() -> {
            org.openqa.selenium.Alert alert = driver.switchTo().alert();
            if (text != null) {
                alert.sendKeys(text);
            }
            if (accept) {
                alert.accept();
            } else {
                alert.dismiss();
            }
            return null;
        });
    }

    @Override
    public String pageSource() throws SessionException {
        return call(driver::getPageSource);
    }

    @Override
    public byte[] screenshot() throws SessionException {
        return call(() -> driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void quit() {
        try {
            driver.quit();
        } catch (WebDriverException ignored) {
            // already gone (device unplugged, session lost)
        }
    }

    private interface Call<T> {
        T run();
    }

    private static <T> T call(Call<T> call) throws SessionException {
        try {
            return call.run();
        } catch (org.openqa.selenium.NoSuchElementException e) {
            throw new SessionException(SessionException.Kind.ELEMENT_NOT_FOUND, firstLine(e.getMessage()), e);
        } catch (NoSuchSessionException e) {
            throw new SessionException(SessionException.Kind.SESSION_ERROR, "the Appium session is gone (device unplugged or app crashed?): "
                    + firstLine(e.getMessage()), e);
        } catch (WebDriverException e) {
            throw new SessionException(SessionException.Kind.SESSION_ERROR, firstLine(e.getMessage()), e);
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
