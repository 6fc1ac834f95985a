#include "endpoints/partitions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

Expected<Partitions> Partitions::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Unexpected{QStringLiteral("The partition data is not valid JSON (%1).")
                              .arg(parseError.errorString())};

    QList<Partition> partitions;
    const QJsonArray entries = document.object().value(QLatin1String("partitions")).toArray();
    for (const QJsonValue &entry : entries) {
        const QJsonObject object = entry.toObject();
        Partition partition{object.value(QLatin1String("id")).toString(),
                            object.value(QLatin1String("regionRegex")).toString(),
                            object.value(QLatin1String("regions")).toObject(),
                            object.value(QLatin1String("outputs")).toObject()};
        if (partition.id.isEmpty())
            return Unexpected{QStringLiteral("The partition data has a partition without an id.")};
        if (!QRegularExpression(partition.regionPattern).isValid())
            return Unexpected{QStringLiteral("The partition '%1' has an invalid region pattern.")
                                  .arg(partition.id)};
        if (!partition.outputs.contains(QLatin1String("name")))
            partition.outputs.insert(QLatin1String("name"), partition.id);
        partitions.append(partition);
    }
    if (partitions.isEmpty())
        return Unexpected{QStringLiteral("The partition data lists no partitions.")};
    return Partitions(std::move(partitions));
}

Partitions::Partitions(QList<Partition> partitions) : m_partitions(std::move(partitions)) { }

QJsonObject Partitions::partitionFor(const QString &region) const
{
    for (const Partition &partition : m_partitions) {
        if (partition.regions.contains(region))
            return outputsFor(partition, region);
    }
    for (const Partition &partition : m_partitions) {
        // Built per call: a shared QRegularExpression is only reentrant, and this runs on workers.
        const QRegularExpression pattern(partition.regionPattern);
        if (pattern.match(region).hasMatch())
            return outputsFor(partition, region);
    }
    for (const Partition &partition : m_partitions) {
        if (partition.id == QLatin1String("aws"))
            return partition.outputs;
    }
    return m_partitions.constFirst().outputs;
}

QJsonObject Partitions::outputsFor(const Partition &partition, const QString &region)
{
    // A region entry may override its partition's outputs (say, a region without FIPS).
    QJsonObject outputs = partition.outputs;
    const QJsonObject overrides = partition.regions.value(region).toObject();
    for (auto it = overrides.constBegin(); it != overrides.constEnd(); ++it) {
        if (outputs.contains(it.key()))
            outputs.insert(it.key(), it.value());
    }
    return outputs;
}
