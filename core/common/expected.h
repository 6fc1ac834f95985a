#pragma once

#include <QString>

#include <utility>
#include <variant>

// A value or the reason there is none. std::expected is C++23 and clang 14 cannot use
// libstdc++'s, so this is the small subset we need.
template <typename E>
struct Unexpected
{
    E error;
};

template <typename E>
Unexpected(E) -> Unexpected<E>;

template <typename T, typename E = QString>
class Expected
{
public:
    Expected(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    template <typename G>
    Expected(Unexpected<G> failure) : m_state(std::in_place_index<1>, E(std::move(failure.error)))
    {
    }

    bool hasValue() const { return m_state.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    T &value() & { return std::get<0>(m_state); }
    const T &value() const & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const E &error() const { return std::get<1>(m_state); }

private:
    std::variant<T, E> m_state;
};
