#include "accountsearchtexts.h"

void AccountSearchTexts::clear()
{
    m_buffer.clear();
    m_start.clear();
    m_size.clear();
    m_unused = 0;
}

void AccountSearchTexts::reserve(std::size_t rows, std::size_t bytesPerRow)
{
    m_buffer.reserve(rows * bytesPerRow);
    m_start.reserve(rows);
    m_size.reserve(rows);
}

void AccountSearchTexts::append(const QByteArray &text)
{
    m_start.push_back(m_buffer.size());
    m_size.push_back(std::size_t(text.size()));
    m_buffer.append(text.constData(), std::size_t(text.size()));
}

void AccountSearchTexts::replace(std::size_t row, const QByteArray &text)
{
    const auto size = std::size_t(text.size());
    if (size <= m_size[row]) {
        m_buffer.replace(m_start[row], size, text.constData(), size);
        m_unused += m_size[row] - size;
    } else {
        // Names arrive after the accounts, so texts grow: the longer one goes at the end.
        m_unused += m_size[row];
        m_start[row] = m_buffer.size();
        m_buffer.append(text.constData(), size);
    }
    m_size[row] = size;
    if (m_unused > m_buffer.size() / 2)
        compact();
}

void AccountSearchTexts::compact()
{
    // Back in row order, so a search reads the buffer front to back again.
    std::string buffer;
    buffer.reserve(m_buffer.size() - m_unused);
    for (std::size_t row = 0; row < m_start.size(); ++row) {
        const std::size_t start = buffer.size();
        buffer.append(m_buffer, m_start[row], m_size[row]);
        m_start[row] = start;
    }
    m_buffer = std::move(buffer);
    m_unused = 0;
}
