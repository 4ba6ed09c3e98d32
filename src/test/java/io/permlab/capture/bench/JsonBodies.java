package io.permlab.capture.bench;

/**
 * JSON as the APIs of a delivery or shopping app send it: pages of orders with receivers and their locations,
 * address books, nearby stores, user profiles, configuration, and the analytics batches the app posts.
 */
final class JsonBodies {
    private final CorpusText t;

    JsonBodies(CorpusText text) {
        this.t = text;
    }

    /** A page of orders: the over-broad response of docs/rulebase.md, founding case row 3 when a staff console lists customers' orders. */
    String orderPage(int orders) {
        StringBuilder sb = new StringBuilder(orders * 1200);
        sb.append("{\"code\":0,\"msg\":\"success\",\"traceId\":\"").append(t.uuid()).append("\",\"data\":{\"page\":").append(t.between(1, 50))
                .append(",\"size\":").append(orders).append(",\"total\":").append(t.between(100, 90000)).append(",\"list\":[");
        for (int i = 0; i < orders; i++) {
            sb.append(i == 0 ? "" : ",");
            order(sb);
        }
        return sb.append("]}}").toString();
    }

    private void order(StringBuilder sb) {
        sb.append("{\"orderId\":\"").append(t.snowflake()).append("\",\"orderNo\":\"").append(t.orderNo())
                .append("\",\"createTime\":").append(t.epochMillis()).append(",\"payTime\":\"2024-").append(t.between(10, 12)).append('-')
                .append(t.between(10, 28)).append(' ').append(t.between(10, 23)).append(':').append(t.between(10, 59)).append(":00\"")
                .append(",\"status\":").append(t.between(1, 6)).append(",\"statusText\":\"已完成\",\"totalAmount\":").append(t.price())
                .append(",\"freight\":6.00,\"discount\":").append(t.price()).append(",\"items\":[");
        for (int i = t.between(1, 3); i > 0; i--) {
            sb.append("{\"skuId\":").append(t.between(100000, 99999999)).append(",\"spuId\":").append(t.between(10000, 999999))
                    .append(",\"title\":\"").append(t.product()).append("\",\"spec\":\"颜色:白色;尺码:XL\",\"price\":").append(t.price())
                    .append(",\"quantity\":").append(t.between(1, 5)).append(",\"image\":\"https://img.example.cn/p/").append(t.hex(32))
                    .append(".jpg?x-oss-process=image/resize,w_240\"}").append(i > 1 ? "," : "");
        }
        sb.append("],\"receiver\":{\"name\":\"").append(t.name()).append("\",\"phone\":\"").append(t.phone(0.3))
                .append("\",\"address\":\"").append(t.address()).append('"');
        if (t.chance(0.6)) {
            t.countCoordinates();
            sb.append(",\"lat\":").append(t.latitude(6)).append(",\"lng\":").append(t.longitude(6));
        }
        if (t.chance(0.03)) {
            sb.append(",\"idCard\":\"").append(t.residentId()).append('"');
        }
        sb.append("},\"shop\":{\"shopId\":").append(t.between(1000, 99999)).append(",\"name\":\"").append(t.product(), 0, 4)
                .append("旗舰店\",\"logo\":\"https://img.example.cn/s/").append(t.hex(16)).append(".png\"}")
                .append(",\"logistics\":{\"company\":\"顺丰速运\",\"trackingNo\":\"SF").append(t.digits(13))
                .append("\",\"waybillNo\":\"").append(t.digits(15)).append("\"},\"couponId\":").append(t.snowflake())
                .append(",\"remark\":\"").append(t.chance(0.1) ? "到了打" + t.phone(0) : t.phrase()).append("\"}");
    }

    String addressBook(int entries) {
        StringBuilder sb = new StringBuilder("{\"code\":0,\"data\":[");
        for (int i = 0; i < entries; i++) {
            t.countCoordinates();
            sb.append(i == 0 ? "" : ",").append("{\"id\":").append(t.between(10000, 999999)).append(",\"receiverName\":\"").append(t.name())
                    .append("\",\"receiverPhone\":\"").append(t.phone(0)).append("\",\"isDefault\":").append(i == 0)
                    .append(",\"address\":{\"text\":\"").append(t.address()).append("\",\"latitude\":\"").append(t.latitude(6))
                    .append("\",\"longitude\":\"").append(t.longitude(6)).append("\"}}");
        }
        return sb.append("]}").toString();
    }

    /** Nearby stores, AMap style: "location" as a "lng,lat" string, landline numbers that are not mobile numbers. */
    String nearbyStores(int stores) {
        StringBuilder sb = new StringBuilder("{\"status\":\"1\",\"count\":\"").append(stores).append("\",\"pois\":[");
        for (int i = 0; i < stores; i++) {
            t.countCoordinates();
            sb.append(i == 0 ? "" : ",").append("{\"id\":\"B0FFG").append(t.hex(5).toUpperCase()).append("\",\"name\":\"")
                    .append(t.product(), 0, 4).append("便利店\",\"location\":\"").append(t.longitude(6)).append(',').append(t.latitude(6))
                    .append("\",\"tel\":\"021-").append(t.digits(8)).append("\",\"distance\":\"").append(t.between(10, 5000))
                    .append("\",\"biz_ext\":{\"rating\":\"4.").append(t.between(0, 9)).append("\",\"cost\":\"").append(t.price())
                    .append("\"},\"business_hours\":\"09:00-22:00\"}");
        }
        return sb.append("]}").toString();
    }

    String profile() {
        StringBuilder sb = new StringBuilder("{\"code\":0,\"data\":{\"userId\":").append(t.between(100000, 99999999))
                .append(",\"nickname\":\"").append(t.name()).append("\",\"mobile\":\"").append(t.phone(0.5)).append("\",\"email\":\"")
                .append(t.email()).append("\",\"realNameVerified\":true,\"memberLevel\":").append(t.between(1, 5))
                .append(",\"points\":").append(t.between(0, 99999)).append(",\"avatar\":\"https://img.example.cn/a/").append(t.hex(32)).append(".jpg\"");
        if (t.chance(0.2)) {
            sb.append(",\"vehicle\":{\"plate\":\"").append(t.plate()).append("\"}");
        }
        if (t.chance(0.1)) {
            sb.append(",\"bankCards\":[{\"bank\":\"招商银行\",\"cardNo\":\"").append(t.bankCard()).append("\"}]");
        }
        return sb.append("}}").toString();
    }

    /** Remote configuration: numbers, versions, switches, URLs, experiment ids; no PI at all. */
    String config(int flags) {
        StringBuilder sb = new StringBuilder("{\"version\":\"3.").append(t.between(0, 20)).append('.').append(t.between(0, 9))
                .append("\",\"serverTime\":").append(t.epochMillis()).append(",\"flags\":{");
        for (int i = 0; i < flags; i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(t.word(4, 12)).append("_").append(t.word(3, 8)).append("\":{\"on\":")
                    .append(t.chance(0.5)).append(",\"ratio\":0.").append(t.digits(2)).append(",\"expId\":").append(t.digits(t.between(6, 16)))
                    .append(",\"minVersion\":\"").append(t.between(1, 9)).append('.').append(t.between(0, 30)).append(".0\",\"url\":\"https://cdn.example.cn/")
                    .append(t.word(3, 8)).append('/').append(t.hex(8)).append(".json\",\"updated\":").append(t.epochMillis()).append('}');
        }
        return sb.append("}}").toString();
    }

    /** What an SDK posts about the device: identifiers, location, events. */
    String analyticsBatch(int events) {
        t.countCoordinates();
        StringBuilder sb = new StringBuilder("{\"device\":{\"imei\":\"").append(t.imei()).append("\",\"oaid\":\"").append(t.uuid())
                .append("\",\"mac\":\"").append(t.mac()).append("\",\"androidId\":\"").append(t.hex(16)).append("\",\"model\":\"Pixel 7\",\"os\":\"Android 14\"")
                .append(",\"screen\":\"1080x2400\",\"lat\":").append(t.latitude(6)).append(",\"lng\":").append(t.longitude(6)).append("},\"events\":[");
        for (int i = 0; i < events; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"event\":\"").append(t.pick(new String[] {"page_view", "click", "expose", "scroll"}))
                    .append("\",\"ts\":").append(t.epochMillis()).append(",\"seq\":").append(i).append(",\"page\":\"/pages/").append(t.word(4, 9))
                    .append("/index\",\"duration\":").append(t.between(1, 60000)).append(",\"props\":{\"sku\":").append(t.between(100000, 99999999))
                    .append(",\"pos\":").append(t.between(0, 40)).append(",\"price\":").append(t.price()).append("}}");
        }
        return sb.append("]}").toString();
    }

    String saveAddress() {
        t.countCoordinates();
        return "{\"receiverName\":\"" + t.name() + "\",\"receiverPhone\":\"" + t.phone(0) + "\",\"address\":{\"text\":\"" + t.address()
                + "\",\"lat\":" + t.latitude(6) + ",\"lng\":" + t.longitude(6) + "},\"isDefault\":true,\"tag\":\"家\"}";
    }
}
