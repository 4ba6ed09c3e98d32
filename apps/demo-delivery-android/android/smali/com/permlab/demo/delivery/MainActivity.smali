.class public Lcom/permlab/demo/delivery/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroid/app/Activity;-><init>()V
    return-void
.end method

# Starts the analytics SDK at launch, before any privacy consent, with the device's IMEI.
.method public startAnalytics(Landroid/telephony/TelephonyManager;)V
    .locals 1
    invoke-virtual {p1}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;
    move-result-object v0
    invoke-static {v0}, Lcom/umeng/analytics/MobclickAgent;->onStart(Ljava/lang/String;)V
    return-void
.end method
