#include "signing/sha256.h"

#include <QTest>

class Sha256Test : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldDigestKnownVectors_data();
    void shouldDigestKnownVectors();
    void shouldReturnRawDigestBytes();
    void shouldAuthenticateKnownVectors_data();
    void shouldAuthenticateKnownVectors();
};

void Sha256Test::shouldDigestKnownVectors_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("expectedHex");

    QTest::newRow("empty message") << QByteArray()
                                   << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("FIPS 180 abc") << QByteArray("abc")
                                  << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("FIPS 180 two-block message")
        << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

void Sha256Test::shouldDigestKnownVectors()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, expectedHex);
    QCOMPARE(sha256Hex(message), expectedHex);
}

void Sha256Test::shouldReturnRawDigestBytes()
{
    const QByteArray digest = sha256("abc");
    QCOMPARE(digest.size(), 32);
    QCOMPARE(digest.toHex(), sha256Hex("abc"));
}

void Sha256Test::shouldAuthenticateKnownVectors_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("expectedHex");

    QTest::newRow("RFC 4231 case 1") << QByteArray(20, '\x0b') << QByteArray("Hi There")
                                     << QByteArray("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    QTest::newRow("RFC 4231 case 2 with a key shorter than the output")
        << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
        << QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    QTest::newRow("RFC 4231 case 6 with a key longer than a block")
        << QByteArray(131, '\xaa') << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
        << QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    QTest::newRow("empty key and empty message")
        << QByteArray() << QByteArray()
        << QByteArray("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

void Sha256Test::shouldAuthenticateKnownVectors()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, expectedHex);
    QCOMPARE(hmacSha256(key, message).toHex(), expectedHex);
}

QTEST_GUILESS_MAIN(Sha256Test)
#include "test_sha256.moc"
