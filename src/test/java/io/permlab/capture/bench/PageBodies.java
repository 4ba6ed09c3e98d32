package io.permlab.capture.bench;

import java.util.Base64;

/**
 * Pages and scripts: server-rendered console pages with customer tables, product pages with inline state, icons as
 * SVG paths and images as data URIs, and minified JavaScript bundles full of numbers that are not PI.
 */
final class PageBodies {
    private static final String[] SVG = {"M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm0 18c-4.41 0-8-3.59-8-8s3.59-8 8-8",
            "M19.35,10.04C18.67,6.59,15.64,4,12,4C9.11,4,6.6,5.64,5.35,8.04C2.34,8.36,0,10.91,0,14c0,3.31,2.69,6,6,6h13c2.76,0,5-2.24,5-5",
            "M7.41 8.59L12 13.17l4.59-4.58L18 10l-6 6-6-6 1.41-1.41z", "M3.25,12.75L8.5,18L20.75,5.75L19.34,4.34L8.5,15.17L4.66,11.33Z"};
    private static final String[] JS_WORDS = {"function", "return", "var", "const", "this", "new", "typeof", "void", "null", "undefined",
            "props", "state", "children", "className", "onClick", "useEffect", "useState", "render", "dispatch", "payload", "exports"};
    private static final String[] UI_TEXT = {"请输入手机号", "获取验证码", "确认收货地址", "定位中...", "去结算", "加入购物车", "我的订单", "暂无数据",
            "网络异常，请稍后重试", "登录即表示同意《用户协议》和《隐私政策》"};

    private final CorpusText t;
    private final JsonBodies json;

    PageBodies(CorpusText text, JsonBodies json) {
        this.t = text;
        this.json = json;
    }

    /** A staff console page listing customers: exactly the over-broad exposure regulators fined. */
    String consolePage(int rows) {
        StringBuilder sb = new StringBuilder(rows * 400 + 4000);
        sb.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>客户管理 - 运营后台</title>")
                .append("<link rel=\"stylesheet\" href=\"/static/css/app.").append(t.hex(8)).append(".css\"></head><body><div id=\"app\">")
                .append("<table class=\"el-table\"><thead><tr><th>客户</th><th>手机号</th><th>地址</th><th>下单时间</th><th>金额</th></tr></thead><tbody>");
        for (int i = 0; i < rows; i++) {
            sb.append("<tr data-id=\"").append(t.snowflake()).append("\"><td>").append(t.name()).append("</td><td>").append(t.phone(0.2))
                    .append("</td><td>").append(t.address()).append("</td><td>2024-").append(t.between(10, 12)).append('-').append(t.between(10, 28))
                    .append(' ').append(t.between(10, 23)).append(':').append(t.between(10, 59)).append("</td><td>¥").append(t.price())
                    .append("</td><td><svg viewBox=\"0 0 24 24\"><path d=\"").append(t.pick(SVG)).append("\"/></svg></td></tr>\n");
        }
        return sb.append("</tbody></table></div><footer>客服热线 400-820-").append(t.digits(4)).append("</footer></body></html>").toString();
    }

    /** A product page: Chinese copy, an inline initial state, a data-URI image. */
    String productPage() {
        StringBuilder sb = new StringBuilder(60_000);
        sb.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1.0\">")
                .append("<title>").append(t.product()).append("</title></head><body><div class=\"detail\">");
        for (int i = t.between(10, 30); i > 0; i--) {
            sb.append("<p class=\"desc\">").append(t.phrase()).append(t.product()).append("，").append(t.phrase()).append("</p>\n");
        }
        byte[] image = new byte[t.between(4_000, 16_000)];
        t.random.nextBytes(image);
        sb.append("<img alt=\"主图\" src=\"data:image/jpeg;base64,").append(Base64.getEncoder().encodeToString(image)).append("\">");
        sb.append("<script>window.__INITIAL_STATE__=").append(json.config(t.between(5, 20))).append(";</script></div></body></html>");
        return sb.toString();
    }

    /** A minified bundle: modules of code, UI strings, a phone-number regex, SVG icons, colours, timings. */
    String bundle(int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 2000);
        sb.append("/*! app.").append(t.hex(8)).append(".js | (c) example 2024 */!function(e){var t={};");
        int module = 0;
        while (sb.length() < bytes) {
            sb.append(module++).append(":function(e,t,n){\"use strict\";n.d(t,\"a\",function(){return ").append(ident()).append("});var ")
                    .append(ident()).append("=n(").append(t.between(1, 900)).append("),").append(ident()).append("=n.n(").append(ident()).append(");");
            for (int s = t.between(3, 12); s > 0; s--) {
                statement(sb);
            }
            sb.append("},");
        }
        return sb.append("}([]);").toString();
    }

    private void statement(StringBuilder sb) {
        switch (t.between(0, 9)) {
            case 0 -> sb.append("if(!/^1[3-9]\\d{9}$/.test(").append(ident()).append("))return ").append(ident()).append("(\"").append(t.pick(UI_TEXT)).append("\");");
            case 1 -> sb.append(ident()).append(".style.transition=\"all .").append(t.between(1, 9)).append("s cubic-bezier(0.25, 0.1, 0.25, 1)\";");
            case 2 -> sb.append("var ").append(ident()).append("=\"").append(t.pick(SVG)).append("\";");
            case 3 -> sb.append(ident()).append("={color:\"#").append(t.hex(6)).append("\",fontSize:").append(t.between(10, 32)).append(",lineHeight:1.")
                    .append(t.between(2, 8)).append(",opacity:0.").append(t.digits(2)).append("};");
            case 4 -> sb.append("setTimeout(function(){").append(ident()).append('(').append(t.epochMillis()).append(")},").append(t.between(100, 9000)).append(");");
            case 5 -> sb.append("return ").append(ident()).append(".a.createElement(\"div\",{className:\"").append(t.word(4, 10)).append("__")
                    .append(t.word(3, 8)).append("\"},\"").append(t.pick(UI_TEXT)).append("\");");
            case 6 -> sb.append("var ").append(ident()).append("=Math.round(").append(ident()).append("*1e").append(t.between(2, 6)).append(")/1e")
                    .append(t.between(2, 6)).append(",").append(ident()).append("=[").append(t.between(0, 255)).append(',').append(t.between(0, 255))
                    .append(',').append(t.between(0, 255)).append(",0.").append(t.digits(2)).append("];");
            case 7 -> sb.append(ident()).append(".get(\"/api/v").append(t.between(1, 3)).append('/').append(t.word(4, 9)).append("?t=\"+Date.now()).then(function(")
                    .append(ident()).append("){return ").append(ident()).append(".data});");
            case 8 -> sb.append("var ").append(ident()).append("=\"").append(t.uuid()).append("\",").append(ident()).append("=\"@babel/runtime@7.").append(t.between(10, 26))
                    .append(".0\",").append(ident()).append("=0x").append(t.hex(8)).append(';');
            default -> sb.append(t.pick(JS_WORDS)).append(' ').append(ident()).append('=').append(ident()).append('.').append(t.pick(JS_WORDS))
                    .append("||").append(t.between(0, 99999)).append(';');
        }
    }

    private String ident() {
        return t.chance(0.7) ? String.valueOf((char) ('a' + t.between(0, 25))) : t.word(2, 8);
    }
}
