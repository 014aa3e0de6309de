package org.baoxue.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The task list in a real browser (Debian's Chromium, headless): a class teacher signs in, finds the task, fills the
 * form with an error, sees the error, corrects it, completes it; the township official then sees the next task.
 * Screenshots of the inbox and the task page at desktop and phone width go to {@code target/screenshots/}.
 * Skipped with a message where Chromium is missing, unless the {@code CI} environment variable is set.
 * The one test with its own application context (a real HTTP port), on its own in-memory database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:baoxue-browser;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class TasklistBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    static WebDriver driver;
    static Path profile;

    @LocalServerPort int port;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;

    @BeforeAll
    static void browser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "Chromium or chromedriver missing at " + CHROMIUM + " / " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)";
            if (System.getenv("CI") != null) {
                Assertions.fail(message);
            }
            Assumptions.abort(message + ": browser test skipped");
        }
        profile = Files.createTempDirectory("baoxue-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=zh-CN", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void close() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(String username) {
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("Baoxue2026");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Clicks like a user would: the element scrolled into the middle of the view first. */
    private void click(By by) {
        WebElement element = driver.findElement(by);
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    private void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition::apply);
    }

    private void screenshot(String name, Dimension size) throws IOException {
        driver.manage().window().setSize(size);
        // let the layout settle at the new width, then capture the whole page height
        Long height = (Long) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(Math.max(height + 140, size.getHeight()), 4000)));
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(size);
    }

    @Test
    void aTeacherCompletesAFormAfterCorrectingAnErrorAndTheTownshipSeesTheNextTask() throws IOException {
        TasklistWebTest.deployTestProcess(repositoryService);
        String key = "TLB-" + UUID.randomUUID().toString().substring(0, 8);
        runtimeService.startProcessInstanceByKey("tasklistTest", key,
                Map.of("schoolCode", TasklistWebTest.SCHOOL, "townshipCode", TasklistWebTest.TOWNSHIP, "countyCode", "370923"));
        // a second case, so the inbox is not a single line
        runtimeService.startProcessInstanceByKey("tasklistTest", key + "-2",
                Map.of("schoolCode", TasklistWebTest.SCHOOL, "townshipCode", TasklistWebTest.TOWNSHIP, "countyCode", "370923"));

        driver.manage().window().setSize(DESKTOP);
        signIn("teacher");
        driver.get(url("/tasks"));
        assertThat(driver.findElement(By.id("inbox-table")).getText()).contains(key).contains("班主任登记");
        screenshot("inbox-desktop", DESKTOP);
        screenshot("inbox-phone", PHONE);

        // find the task by its case number
        driver.manage().window().setSize(DESKTOP);
        WebElement search = driver.findElement(By.id("q"));
        search.sendKeys(key);
        driver.findElement(By.cssSelector("#inbox-filter button[type=submit]")).click();
        waitFor(d -> d.getCurrentUrl().contains("q=" + key));
        assertThat(driver.findElements(By.cssSelector("a.task-link"))).hasSize(1);
        driver.findElement(By.cssSelector("a.task-link")).click();
        waitFor(d -> !d.findElements(By.id("task-form")).isEmpty());
        assertThat(driver.findElement(By.id("case-header")).getText()).contains(key);
        screenshot("task-desktop", DESKTOP);
        screenshot("task-phone", PHONE);
        driver.manage().window().setSize(DESKTOP);

        // the conditional field appears only for "other"
        WebElement otherWrap = driver.findElement(By.id("f-otherReason-wrap"));
        assertThat(otherWrap.isDisplayed()).isFalse();
        Select reason = new Select(driver.findElement(By.id("f-reason")));
        reason.selectByValue("other");
        waitFor(d -> d.findElement(By.id("f-otherReason-wrap")).isDisplayed());
        reason.selectByValue("poverty");
        waitFor(d -> !d.findElement(By.id("f-otherReason-wrap")).isDisplayed());

        // fill in with an error: 99 days is more than the form allows
        driver.findElement(By.id("f-contactName")).sendKeys("王芳");
        driver.findElement(By.id("f-absentDays")).sendKeys("99");
        click(By.id("f-visitPlanned-0"));
        click(By.id("f-hardships-1"));
        driver.findElement(By.id("f-notes")).sendKeys("父母外出务工，由祖母照看。");
        click(By.id("f-confirmed"));
        click(By.id("complete"));
        waitFor(d -> !d.findElements(By.id("form-errors")).isEmpty());
        WebElement error = driver.findElement(By.id("f-absentDays-error"));
        assertThat(error.getText()).isEqualTo("不能大于 60。");
        // what the user typed is still there
        assertThat(driver.findElement(By.id("f-contactName")).getAttribute("value")).isEqualTo("王芳");
        assertThat(driver.findElement(By.id("f-hardships-1")).isSelected()).isTrue();
        screenshot("task-error-desktop", DESKTOP);
        screenshot("task-error-phone", PHONE);
        driver.manage().window().setSize(DESKTOP);

        // correct it and complete
        WebElement days = driver.findElement(By.id("f-absentDays"));
        days.clear();
        days.sendKeys("12");
        click(By.id("complete"));
        waitFor(d -> d.getCurrentUrl().endsWith("/tasks"));
        assertThat(driver.findElement(By.cssSelector("#inbox .alert-success")).getText()).contains("已办理").contains(key);

        // the township official sees the next step
        signIn("township");
        driver.get(url("/tasks?view=group"));
        WebElement table = driver.findElement(By.id("inbox-table"));
        assertThat(table.getText()).contains(key).contains("乡镇核实").contains("行政线");
        screenshot("township-inbox-desktop", DESKTOP);
        screenshot("township-inbox-phone", PHONE);
    }

    @Test
    void aSupervisorSeesTheDashboardWithItsChartAndTheHomePageShowsTheirLinks() throws IOException {
        TasklistWebTest.deployTestProcess(repositoryService);
        for (String school : List.of("3137001001", "3137001003", "3137001003")) {
            runtimeService.startProcessInstanceByKey("tasklistTest", "MON-" + UUID.randomUUID().toString().substring(0, 8),
                    Map.of("schoolCode", school, "countyCode", "370923"));
        }
        signIn("supervisor");
        assertThat(driver.findElement(By.id("home-links")).getText()).contains("督导看板");
        screenshot("home-supervisor-desktop", DESKTOP);
        driver.get(url("/monitor"));
        assertThat(driver.findElement(By.id("monitor-totals")).getText()).contains("在办").contains("逾期");
        assertThat(driver.findElement(By.id("monitor-units")).getText()).contains("东平县银山镇中心小学");
        waitFor(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return typeof Chart !== 'undefined' && Chart.getChart('monitor-chart') !== undefined")));
        screenshot("monitor-desktop", DESKTOP);
        screenshot("monitor-phone", PHONE);
    }
}
