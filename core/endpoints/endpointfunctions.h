#pragma once

#include "common/expected.h"

#include <QJsonValue>
#include <QList>
#include <QString>

class Partitions;

// The endpoint rules engine's library: the Smithy standard functions (isSet, not, booleanEquals,
// stringEquals, getAttr, parseURL, isValidHostLabel, substring, uriEncode) and the AWS ones
// (aws.partition, aws.parseArn, aws.isVirtualHostableS3Bucket). A null QJsonValue means "unset".
// The error is for a rule set this library cannot run, such as an unknown function.
Expected<QJsonValue> callEndpointFunction(const QString &name, const QList<QJsonValue> &arguments,
                                          const Partitions &partitions);

// getAttr's path walk: "name", "resourceId[2]", "a.b[0]"; null when the path leads nowhere.
QJsonValue attributeAt(const QJsonValue &value, const QString &path);

bool isValidHostLabel(const QString &value, bool allowSubDomains);
