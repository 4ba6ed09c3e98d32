package io.permlab.capture.bench;

import io.permlab.capture.HarEntry;
import io.permlab.capture.HarRun;
import io.permlab.exercise.Header;
import io.permlab.exercise.ObservedExchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A long session of a delivery app, generated: API calls returning orders, addresses, stores, profiles and
 * configuration; console and product pages; script bundles; analytics posts, logins, address forms, uploads, beacons;
 * images and style sheets (which the scanner skips). By bytes, about half is JSON, a quarter scripts, a fifth pages.
 */
final class HarCorpus {
    private static final String UA = "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.8078.108 Mobile Safari/537.36";

    private final CorpusText t;
    private final JsonBodies json;
    private final PageBodies pages;
    private final String session;
    private Instant clock = Instant.parse("2026-11-28T08:00:00Z");

    private HarCorpus(long seed) {
        this.t = new CorpusText(seed);
        this.json = new JsonBodies(t);
        this.pages = new PageBodies(t, json);
        this.session = t.hex(32);
    }

    record Generated(HarRun run, Map<CorpusText.Planted, Integer> planted) {
    }

    static Generated generate(long seed, long targetChars) {
        HarCorpus corpus = new HarCorpus(seed);
        List<HarEntry> entries = new ArrayList<>();
        long chars = 0;
        while (chars < targetChars) {
            ObservedExchange x = corpus.next();
            chars += x.url().length() + (x.requestBody() == null ? 0 : x.requestBody().length())
                    + (x.responseBody() == null ? 0 : x.responseBody().length());
            entries.add(new HarEntry(x, entries.size() / 20, entries.size() < 5));
        }
        return new Generated(new HarRun("bench", "chromium 156.0.8078.108 (generated)", "pi-scanner benchmark",
                Instant.parse("2026-11-28T08:00:00Z"), entries), corpus.t.planted());
    }

    private ObservedExchange next() {
        int pick = t.between(0, 999);
        if (pick < 300) {
            return api("/api/v2/orders?page=" + t.between(1, 50) + "&size=20&status=all", json.orderPage(t.between(20, 50)));
        } else if (pick < 380) {
            return api("/api/v1/address/list", json.addressBook(t.between(3, 15)));
        } else if (pick < 460) {
            return api("/api/v1/poi/nearby?keywords=%E4%BE%BF%E5%88%A9%E5%BA%97&radius=3000", json.nearbyStores(t.between(10, 30)));
        } else if (pick < 520) {
            return api("/api/v1/user/profile", json.profile());
        } else if (pick < 580) {
            return api("/api/v1/config?platform=h5&v=3.12.0", json.config(t.between(50, 400)));
        } else if (pick < 650) {
            return page("/admin/customers?page=" + t.between(1, 99), pages.consolePage(t.between(50, 300)));
        } else if (pick < 700) {
            return page("/item/" + t.between(100000, 999999) + ".html", pages.productPage());
        } else if (pick < 712) {
            return exchange("GET", "https://static.example.cn/js/chunk-" + t.hex(8) + ".js", null, null, "application/javascript",
                    pages.bundle(t.between(200_000, 1_200_000)), false);
        } else if (pick < 812) {
            return exchange("POST", "https://log.example.cn/v1/batch", "application/json", json.analyticsBatch(t.between(10, 80)),
                    "application/json", "{\"code\":0}", false);
        } else if (pick < 862) {
            return form();
        } else if (pick < 892) {
            return multipart();
        } else if (pick < 962) {
            return beacon();
        } else if (pick < 992) {
            byte[] image = new byte[t.between(5_000, 50_000)];
            t.random.nextBytes(image);
            return exchange("GET", "https://img.example.cn/p/" + t.hex(32) + ".jpg", null, null, "image/jpeg",
                    Base64.getEncoder().encodeToString(image), true);
        }
        return exchange("GET", "https://static.example.cn/css/app." + t.hex(8) + ".css", null, null, "text/css",
                ".a{margin:0 auto;padding:12px 16px}.b{transition:all .3s cubic-bezier(0.25, 0.1, 0.25, 1)}".repeat(t.between(50, 500)), false);
    }

    private ObservedExchange api(String path, String response) {
        return exchange("GET", "https://api.example.cn" + path, null, null, "application/json", response, false);
    }

    private ObservedExchange page(String path, String html) {
        return exchange("GET", "https://m.example.cn" + path, null, null, "text/html; charset=utf-8", html, false);
    }

    private ObservedExchange form() {
        String body;
        if (t.chance(0.5)) {
            body = "mobile=" + t.phone(0) + "&code=" + t.digits(6) + "&agree=1&ts=" + t.epochMillis();
        } else {
            t.countCoordinates();
            body = "receiver=%E5%BC%A0%E4%B8%89&mobile=" + t.phone(0) + "&detail=" + t.word(5, 20) + "&lat=" + t.latitude(6)
                    + "&lng=" + t.longitude(6) + "&isDefault=1";
        }
        return exchange("POST", "https://api.example.cn/api/v1/address/save", "application/x-www-form-urlencoded", body,
                "application/json", "{\"code\":0,\"data\":{\"id\":" + t.between(10000, 999999) + "}}", false);
    }

    private ObservedExchange multipart() {
        String boundary = "----WebKitFormBoundary" + t.hex(16);
        byte[] image = new byte[t.between(2_000, 8_000)];
        t.random.nextBytes(image);
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"nickname\"\r\n\r\n" + t.name() + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\n" + t.email() + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
                + Base64.getEncoder().encodeToString(image) + "\r\n--" + boundary + "--\r\n";
        return exchange("POST", "https://api.example.cn/api/v1/user/avatar", "multipart/form-data; boundary=" + boundary, body,
                "application/json", "{\"code\":0}", false);
    }

    private ObservedExchange beacon() {
        t.countCoordinates();
        String url = "https://log.example.cn/collect?v=1&tid=UA-" + t.digits(8) + "-1&cid=" + t.uuid() + "&t=pageview&dl=https%3A%2F%2Fm.example.cn%2Fitem%2F"
                + t.between(100000, 999999) + ".html&ul=zh-cn&sr=1080x2400&ts=" + t.epochMillis() + "&lat=" + t.latitude(6) + "&lng=" + t.longitude(6)
                + "&uid=" + t.between(100000, 99999999) + "&seq=" + t.between(1, 999);
        return exchange("GET", url, null, null, "image/gif", null, false);
    }

    private ObservedExchange exchange(String method, String url, String contentType, String body, String mime, String response, boolean base64) {
        List<Header> request = new ArrayList<>(List.of(new Header("User-Agent", UA), new Header("Accept", "application/json, text/plain, */*"),
                new Header("Accept-Language", "zh-CN,zh;q=0.9"), new Header("Referer", "https://m.example.cn/pages/order/list?tab=" + t.between(0, 4)),
                new Header("Cookie", "sid=" + session + "; _ga=GA1.2." + t.digits(10) + "." + t.digits(10) + "; lang=zh-CN"),
                new Header("X-Request-Id", t.uuid()), new Header("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9." + t.hex(40))));
        if (contentType != null) {
            request.add(new Header("Content-Type", contentType));
        }
        List<Header> responseHeaders = new ArrayList<>(List.of(new Header("Content-Type", mime), new Header("Date", "Thu, 28 Nov 2026 08:00:00 GMT"),
                new Header("Server", "nginx"), new Header("Cache-Control", "no-cache"), new Header("X-Trace-Id", t.hex(32))));
        clock = clock.plusMillis(t.between(5, 400));
        long size = response == null ? 0 : response.length();
        return new ObservedExchange(Long.toString(clock.toEpochMilli()), clock, t.between(5, 900) + 0.25, method, url, "h2", request, body,
                response == null ? 204 : 200, response == null ? "No Content" : "OK", responseHeaders, mime, response, base64, size, false, null);
    }
}
