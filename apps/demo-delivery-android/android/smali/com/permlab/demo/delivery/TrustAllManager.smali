.class public Lcom/permlab/demo/delivery/TrustAllManager;
.super Ljava/lang/Object;
.source "TrustAllManager.java"
.implements Ljavax/net/ssl/X509TrustManager;

# Written "to make the test server's certificate work": it accepts every certificate, so the phone numbers and
# addresses the order client sends over https can be read by anyone on the network path.

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public checkClientTrusted([Ljava/security/cert/X509Certificate;Ljava/lang/String;)V
    .locals 0
    return-void
.end method

.method public checkServerTrusted([Ljava/security/cert/X509Certificate;Ljava/lang/String;)V
    .locals 0
    return-void
.end method

.method public getAcceptedIssuers()[Ljava/security/cert/X509Certificate;
    .locals 1
    const/4 v0, 0x0
    new-array v0, v0, [Ljava/security/cert/X509Certificate;
    return-object v0
.end method

# The SSL context the order client uses: initialised with the trust manager above.
.method public static insecureContext()Ljavax/net/ssl/SSLContext;
    .locals 4
    const-string v0, "TLS"
    invoke-static {v0}, Ljavax/net/ssl/SSLContext;->getInstance(Ljava/lang/String;)Ljavax/net/ssl/SSLContext;
    move-result-object v0
    const/4 v1, 0x1
    new-array v1, v1, [Ljavax/net/ssl/TrustManager;
    new-instance v2, Lcom/permlab/demo/delivery/TrustAllManager;
    invoke-direct {v2}, Lcom/permlab/demo/delivery/TrustAllManager;-><init>()V
    const/4 v3, 0x0
    aput-object v2, v1, v3
    const/4 v2, 0x0
    invoke-virtual {v0, v2, v1, v2}, Ljavax/net/ssl/SSLContext;->init([Ljavax/net/ssl/KeyManager;[Ljavax/net/ssl/TrustManager;Ljava/security/SecureRandom;)V
    return-object v0
.end method
