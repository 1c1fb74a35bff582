package dev.tokendoctor.collect;

import java.net.URI;

/** Made-up credentials for tests (shaped like real ones, none of them AWS's documented examples). */
final class Keys {
  static final String GOOD = "AKIA4GOODKEY7QX2ZK5N";
  static final String GOOD_SECRET = "PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA+";
  static final String BAD = "AKIA4BADKEYZ7QX2ZK5N";
  static final String BAD_SECRET = "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";
  static final String TEMP = "ASIA4TEMPKEY7QX2ZK5N";
  static final String TEMP_SECRET = "Sc7Tvo+hBKqFYY+kv5ZJr3J1TWDtkwtDDb/xHKas";
  static final String GOV = "AKIA4GOVKEYZ7QX2ZK5N";
  static final String GOV_SECRET = "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";
  static final String ADMIN = "AKIA4ADMINKEY2QX2ZK5";
  static final String ADMIN_SECRET = "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";
  static final String TOKEN = "IQoJb3JpZ2luX2VjEHsaCXVzLWVhc3QtMSJHMEUCIQDtestTOKENvalue0123456789abcdefghij"
      + "klmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH"
      + "IJKLMNOPQRSTUVWXYZ+/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ==";
  static final String ACCOUNT = "111122223333";

  private Keys() {}

  static String userArn(String user) {
    return "arn:aws:iam::" + ACCOUNT + ":user/" + user;
  }

  /** A request with only {@code --sts-endpoint} set. */
  static CollectRequest at(URI sts) {
    return new CollectRequest(null, null, null, null, false, sts, null, null, null, null, null);
  }

  static CollectRequest offline() {
    return new CollectRequest(null, null, null, null, true, null, null, null, null, null, null);
  }

  static CollectRequest profile(URI sts, String profile) {
    return new CollectRequest(profile, null, null, null, false, sts, null, null, null, null, null);
  }
}
