#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <string>
#include <vector>

// Every row's AccountFilter::searchTextOf, end to end in one buffer: a search reads 100,000 rows as
// one sequential run of memory instead of 100,000 separate blocks across the heap.
class AccountSearchTexts
{
public:
    void clear();
    void reserve(std::size_t rows, std::size_t bytesPerRow);
    // The text of the next row.
    void append(const QByteArray &text);
    void replace(std::size_t row, const QByteArray &text);
    QByteArrayView at(std::size_t row) const
    {
        return QByteArrayView(m_buffer.data() + m_start[row], qsizetype(m_size[row]));
    }
    std::size_t size() const { return m_start.size(); }

private:
    void compact();

    std::string m_buffer;
    std::vector<std::size_t> m_start;
    std::vector<std::size_t> m_size;
    std::size_t m_unused = 0; // bytes of texts since replaced
};
