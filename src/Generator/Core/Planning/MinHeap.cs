using System;
using System.Collections.Generic;

namespace TensorGen.Planning;

/// <summary>A binary min-heap (netstandard2.0 has no PriorityQueue), ordered by a comparison given once.</summary>
internal sealed class MinHeap<T>
{
    private readonly List<T> _items = new();
    private readonly Comparison<T> _compare;

    public MinHeap(Comparison<T> compare) => _compare = compare;

    public int Count => _items.Count;

    /// <summary>Empties the heap, keeping its storage (for searches that run many trials).</summary>
    public void Clear() => _items.Clear();

    public void Push(T item)
    {
        _items.Add(item);
        int child = _items.Count - 1;
        while (child > 0)
        {
            int parent = (child - 1) / 2;
            if (_compare(_items[child], _items[parent]) >= 0)
            {
                break;
            }

            (_items[child], _items[parent]) = (_items[parent], _items[child]);
            child = parent;
        }
    }

    public T Pop()
    {
        T top = _items[0];
        T last = _items[_items.Count - 1];
        _items.RemoveAt(_items.Count - 1);
        if (_items.Count > 0)
        {
            _items[0] = last;
            int parent = 0;
            while (true)
            {
                int left = (2 * parent) + 1;
                if (left >= _items.Count)
                {
                    break;
                }

                int smallest = left + 1 < _items.Count && _compare(_items[left + 1], _items[left]) < 0 ? left + 1 : left;
                if (_compare(_items[smallest], _items[parent]) >= 0)
                {
                    break;
                }

                (_items[smallest], _items[parent]) = (_items[parent], _items[smallest]);
                parent = smallest;
            }
        }

        return top;
    }
}
