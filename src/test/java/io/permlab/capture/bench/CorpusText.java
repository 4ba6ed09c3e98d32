package io.permlab.capture.bench;

import io.permlab.capture.Identifiers;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The small pieces a Chinese shopping or delivery app's traffic is made of: names, addresses, product titles,
 * identifiers that are PI and identifiers that only look like it. Every PI value handed out is counted by type, so
 * the benchmark can compare what it planted with what the scanner found.
 */
final class CorpusText {
    enum Planted { MOBILE_PHONE, RESIDENT_ID, BANK_CARD, IMEI, EMAIL, MAC_ADDRESS, LICENSE_PLATE, COORDINATES }

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鑫浩宇轩然博文思雨欣怡梓涵子墨";
    private static final String[] DISTRICTS = {"浦东新区", "徐汇区", "静安区", "黄浦区", "长宁区", "普陀区", "虹口区", "杨浦区", "闵行区", "宝山区"};
    private static final String[] ROADS = {"世纪大道", "南京西路", "淮海中路", "漕溪北路", "张杨路", "延安西路", "四平路", "莘庄路", "长寿路", "陆家嘴环路"};
    private static final String[] PRODUCTS = {"纯棉短袖T恤男夏季宽松", "无线蓝牙耳机降噪运动", "有机鲜牛奶250ml*12盒", "儿童保温杯带吸管", "家用空气炸锅大容量",
            "新疆阿克苏冰糖心苹果5斤", "智能手环心率血氧监测", "男士洗面奶控油祛痘", "加厚抽纸餐巾纸家用实惠装", "冷萃咖啡液浓缩便携装"};
    private static final String[] PHRASES = {"请尽快发货", "送货前请电话联系", "放快递柜即可", "工作日白天不在家", "谢谢商家", "包装要结实",
            "配送时间为上午十点至下午六点，超出范围将顺延至次日。", "本商品支持七天无理由退货，请保持包装完好。", "会员积分可在下单时抵扣现金。"};
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String HEX = "0123456789abcdef";

    final Random random;
    private final Map<Planted, Integer> planted = new EnumMap<>(Planted.class);

    CorpusText(long seed) {
        this.random = new Random(seed);
    }

    Map<Planted, Integer> planted() {
        return planted;
    }

    int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    String name() {
        return "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
                + (chance(0.6) ? String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))) : "");
    }

    /** A mobile number; apps often send it already masked, which is not PI any more. */
    String phone(double maskedShare) {
        String number = "1" + "3456789".charAt(random.nextInt(7)) + digits(9);
        if (chance(maskedShare)) {
            return number.substring(0, 3) + "****" + number.substring(7);
        }
        count(Planted.MOBILE_PHONE);
        return number;
    }

    String residentId() {
        count(Planted.RESIDENT_ID);
        String birth = String.format(Locale.ROOT, "%04d%02d%02d", between(1950, 2005), between(1, 12), between(1, 28));
        return Identifiers.residentId(pick(new String[] {"310115", "110105", "440305", "320106", "510104"}), birth, digits(3));
    }

    String bankCard() {
        count(Planted.BANK_CARD);
        return Identifiers.withLuhn("6222" + digits(14));
    }

    String imei() {
        count(Planted.IMEI);
        return Identifiers.withLuhn("86" + digits(12));
    }

    String email() {
        count(Planted.EMAIL);
        return word(5, 10) + (chance(0.5) ? "." + word(3, 6) : "") + "@" + pick(new String[] {"qq.com", "163.com", "example.cn", "foxmail.com"});
    }

    String mac() {
        count(Planted.MAC_ADDRESS);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            sb.append(i == 0 ? "" : ":").append(HEX.charAt(random.nextInt(16))).append(HEX.charAt(random.nextInt(16)));
        }
        return sb.toString().toUpperCase();
    }

    String plate() {
        count(Planted.LICENSE_PLATE);
        return "沪" + "ABCDEFGHJK".charAt(random.nextInt(10)) + digits(5);
    }

    /** A latitude near Shanghai with the given number of decimals; the caller counts the pair it makes. */
    String latitude(int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", 31.0 + random.nextDouble() * 0.5);
    }

    String longitude(int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", 121.2 + random.nextDouble() * 0.5);
    }

    void countCoordinates() {
        count(Planted.COORDINATES);
    }

    String address() {
        return "上海市" + pick(DISTRICTS) + pick(ROADS) + between(1, 2000) + "号" + between(1, 30) + "栋" + between(101, 2808) + "室";
    }

    String product() {
        return pick(PRODUCTS) + (chance(0.5) ? " " + pick(new String[] {"【官方旗舰店】", "限时特惠", "买二送一", "包邮"}) : "");
    }

    String phrase() {
        return pick(PHRASES);
    }

    /** A 19-digit snowflake id: looks long enough to be a bank card, never starts like one. */
    String snowflake() {
        return "1" + "789".charAt(random.nextInt(3)) + digits(17);
    }

    String orderNo() {
        return "2024" + String.format(Locale.ROOT, "%02d%02d%02d%02d%02d", between(1, 12), between(1, 28), between(0, 23), between(0, 59), between(0, 59)) + digits(6);
    }

    long epochMillis() {
        return 1_700_000_000_000L + (long) (random.nextDouble() * 40_000_000_000L);
    }

    String price() {
        return between(1, 999) + "." + digits(2);
    }

    String uuid() {
        return hex(8) + "-" + hex(4) + "-4" + hex(3) + "-a" + hex(3) + "-" + hex(12);
    }

    String hex(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(HEX.charAt(random.nextInt(16)));
        }
        return sb.toString();
    }

    String digits(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    String word(int min, int max) {
        int n = between(min, max);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(LOWER.charAt(random.nextInt(26)));
        }
        return sb.toString();
    }

    private void count(Planted type) {
        planted.merge(type, 1, Integer::sum);
    }
}
