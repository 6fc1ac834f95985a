#pragma once

#include "common/expected.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// AWS partitions (aws, aws-cn, aws-us-gov, ...) as partitions.json describes them, and the
// region-to-partition lookup behind the rules engine's aws.partition function.
class Partitions
{
public:
    static Expected<Partitions> fromJson(const QByteArray &json);

    // The partition's outputs (name, dnsSuffix, dualStackDnsSuffix, supportsFIPS, ...). A known
    // region wins over a pattern; a region nobody claims belongs to the aws partition.
    QJsonObject partitionFor(const QString &region) const;

private:
    struct Partition
    {
        QString id;
        QString regionPattern;
        QJsonObject regions;
        QJsonObject outputs;
    };

    explicit Partitions(QList<Partition> partitions);
    static QJsonObject outputsFor(const Partition &partition, const QString &region);

    QList<Partition> m_partitions;
};
