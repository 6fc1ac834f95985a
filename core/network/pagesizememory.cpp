#include "network/pagesizememory.h"

#include <QHash>
#include <QMutex>

namespace {

QMutex &mutex()
{
    static QMutex m;
    return m;
}

QHash<QString, int> &sizes()
{
    static QHash<QString, int> known;
    return known;
}

QString keyOf(const ServiceEndpoint &endpoint)
{
    return endpoint.url.toString() + u'|' + endpoint.signingRegion;
}

} // namespace

namespace PageSizeMemory {

int pageSizeFor(const ServiceEndpoint &endpoint, int wanted)
{
    QMutexLocker lock(&mutex());
    return qMin(wanted, sizes().value(keyOf(endpoint), wanted));
}

void rememberRefusal(const ServiceEndpoint &endpoint, int acceptedSize)
{
    QMutexLocker lock(&mutex());
    sizes().insert(keyOf(endpoint), acceptedSize);
}

void forgetAll()
{
    QMutexLocker lock(&mutex());
    sizes().clear();
}

} // namespace PageSizeMemory
