#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

// A strip above the table that says something the user should know, with at most one action:
// "the list is incomplete - Retry", "demo data", "exported 4,812 accounts". Its tint comes from the
// palette, so it reads in light and dark themes alike.
class NoticeBanner : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Information, Warning, Error };

    explicit NoticeBanner(Kind kind, QWidget *parent = nullptr);

    void setKind(Kind kind);
    Kind kind() const { return m_kind; }
    // An empty actionText hides the button.
    void showNotice(const QString &title, const QString &detail, const QString &actionText = {});
    void setClosable(bool closable);

    QString title() const;
    QString detail() const;
    QPushButton *actionButton() const { return m_action; }

Q_SIGNALS:
    void actionTriggered();
    void closed();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QColor accent() const;
    void updateIcon();

    Kind m_kind;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_detail;
    QPushButton *m_action;
    QToolButton *m_close;
};
