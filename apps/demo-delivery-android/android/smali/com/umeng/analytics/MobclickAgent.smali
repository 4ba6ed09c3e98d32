.class public Lcom/umeng/analytics/MobclickAgent;
.super Ljava/lang/Object;
.source "MobclickAgent.java"

# A stand-in under the Umeng SDK's package, written by PermLab: the real SDK is not redistributable.

.method public static onStart(Ljava/lang/String;)V
    .locals 0
    return-void
.end method
